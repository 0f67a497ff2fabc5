# twilint: `make lint` scans this repository (or PATHS=...), `make test` runs every test.
# Both install what they need first (libpcre2-dev; for the tests, jsonschema in .build/venv).

SWIFT     ?= swift
PATHS     ?= .
ARGS      ?=
PREFIX    ?= /usr/local
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTHON    ?= python3
# The SARIF schema check's own Python, made by test-deps; offline once it exists.
VENV      := .build/venv

.PHONY: all deps test-deps build release lint test rules install bench fuzz sanitize clean

all: build

# libpcre2-8 with headers, through apt when pkg-config cannot find it.
deps:
	@pkg-config --exists libpcre2-8 2>/dev/null || { \
	  echo "twilint: installing libpcre2-dev"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpcre2-dev pkg-config; }

# Tests/sarif/check-schema.py needs jsonschema: the pinned Tests/sarif/requirements.txt
# in a venv of our own (remade when the pins change), so nothing is installed globally.
# The language server's end-to-end test needs Neovim; the --fix tests, node --check.
test-deps: deps $(VENV)/installed
	@command -v nvim >/dev/null && command -v node >/dev/null || { \
	  echo "twilint: installing neovim and nodejs"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq neovim nodejs; }

$(VENV)/installed: Tests/sarif/requirements.txt
	@echo "twilint: installing jsonschema into $(VENV)"
	@rm -rf $(VENV)
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "twilint: installing python3-venv"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	@$(VENV)/bin/python3 -m pip install --quiet --disable-pip-version-check -r Tests/sarif/requirements.txt
	@touch $@

build: deps
	$(SWIFT) build

# Static Swift runtime and Foundation: the binary starts in half the time (most
# of a one-file run) and runs on machines without Swift.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

lint: build
	@.build/debug/twilint $(ARGS) $(PATHS)

test: test-deps
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check error
	TWILINT_SARIF_PYTHON=$(abspath $(VENV))/bin/python3 $(SWIFT) test --skip-build --disable-swift-testing 2>&1 | tee .build/test.log
	@scripts/test-summary.sh .build/test.log
	PYTHON=$(PYTHON) Tests/lsp/run.sh

# Re-embed rules/*.yml into the binary after editing a rule file.
rules:
	scripts/embed-rules.sh

install: release
	install -d $(PREFIX)/bin
	install .build/release/twilint $(PREFIX)/bin/twilint

bench: release
	bench/run.sh

# libFuzzer targets (Fuzzing/), FUZZ_SECONDS each (default 600); see README.
FUZZ_SECONDS ?= 600
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

# ASan (with LeakSanitizer) and TSan builds scanning fixtures/ and a generated tree.
sanitize: deps
	scripts/sanitize.sh

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan .build-sanitize
