-- Neovim's built-in LSP client against `twilint server`, headless: open a file,
-- read the diagnostics, edit, save, and read them again. Run by neovim.sh with
-- TWILINT (the binary), WORKSPACE (a folder holding app.py) and RESULT (a file
-- this script writes "ok" or the failure to). Works with Neovim 0.7 and later.
local twilint, root, result = os.getenv("TWILINT"), os.getenv("WORKSPACE"), os.getenv("RESULT")

local function finish(message)
  vim.fn.writefile({ message }, result)
  vim.cmd(message == "ok" and "qall!" or "cquit! 1")
end

local ok, failure = pcall(function()
  vim.cmd("edit " .. root .. "/app.py")
  local buffer = vim.api.nvim_get_current_buf()
  local client = vim.lsp.start_client({ name = "twilint", cmd = { twilint, "server" }, root_dir = root })
  assert(client, "the twilint server did not start")
  vim.lsp.buf_attach_client(buffer, client)

  local function wait_for(what, condition)
    local met = vim.wait(20000, function() return condition(vim.diagnostic.get(buffer)) end, 20)
    if not met then
      error("timed out waiting for " .. what .. "; diagnostics: " .. vim.inspect(vim.diagnostic.get(buffer)))
    end
    return vim.diagnostic.get(buffer)
  end

  local opened = wait_for("TW001 on open", function(d) return #d == 1 and d[1].code == "TW001" end)
  -- Line 2 is `greeting = "😀 你好"; sid = "AC…"`: the server counts UTF-16 units, Neovim bytes.
  assert(opened[1].lnum == 1 and opened[1].col == 33, "TW001 at " .. opened[1].lnum .. ":" .. opened[1].col)
  assert(opened[1].source == "twilint", "source " .. tostring(opened[1].source))
  assert(opened[1].severity == vim.diagnostic.severity.ERROR, "severity " .. tostring(opened[1].severity))

  vim.api.nvim_buf_set_lines(buffer, 1, 2, false, { 'greeting = "😀 你好"; sid = os.environ["TWILIO_ACCOUNT_SID"]' })
  wait_for("no diagnostics after the edit", function(d) return #d == 0 end)

  vim.api.nvim_buf_set_lines(buffer, 2, 2, false, { 'auth_token = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"' })
  vim.cmd("write")
  local saved = wait_for("TW002 after saving", function(d) return #d == 1 and d[1].code == "TW002" end)
  assert(saved[1].lnum == 2 and saved[1].col == 14, "TW002 at " .. saved[1].lnum .. ":" .. saved[1].col)

  vim.lsp.stop_client(client)
end)

finish(ok and "ok" or tostring(failure))
