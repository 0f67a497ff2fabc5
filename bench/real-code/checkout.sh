#!/usr/bin/env bash
# Clone every repository of repos.tsv at its pinned commit into DIR/owner+name.
#
#   bench/real-code/checkout.sh [--set NAME] DIR
#
# --set NAME (or REALCODE_SET=NAME) clones the repositories of
# bench/real-code/NAME/repos.tsv; without it, those of this folder's repos.tsv.
# Sources: https://github.com/OWNER/NAME by default. With REALCODE_MIRROR=ROOT
# (for example /work/.mirror) each repository is cloned from the local bare
# copy ROOT/owner+name/repo (or ROOT/owner+name/repo/.git) instead, with no
# network. Snapshots in such a mirror may lack large files (binaries, LFS,
# media); when the checkout of the whole tree fails for that reason, the files
# whose contents are present are checked out and the rest are listed on stderr.
# A checkout already at the right commit is left alone. The corpus is data:
# keep DIR out of git (for example /work/realcode-clones or /tmp/realcode).
set -euo pipefail

. "$(dirname "$0")/set.sh"
dir=${1:?usage: checkout.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
mirror=${REALCODE_MIRROR:-}

tail -n +2 "$setdir/repos.tsv" | while IFS=$'\t' read -r repo commit _rest; do
  [ -n "$repo" ] || continue
  dest="$dir/${repo/\//+}"
  if [ -d "$dest/.git" ] && [ "$(git -C "$dest" rev-parse HEAD 2>/dev/null)" = "$commit" ] \
     && [ -z "$(git -C "$dest" status --porcelain --untracked-files=no 2>/dev/null | grep -v '^ D' || true)" ]; then
    echo "ok      $repo @ ${commit:0:12}"
    continue
  fi
  rm -rf "$dest"
  if [ -n "$mirror" ]; then
    src="$mirror/${repo/\//+}/repo"
    [ -d "$src/.git" ] && src="$src/.git"
    [ -d "$src" ] || { echo "missing mirror for $repo: $src" >&2; exit 1; }
  else
    src="https://github.com/$repo.git"
  fi
  git clone --quiet --no-checkout "$src" "$dest"
  git -C "$dest" fetch --quiet origin "$commit" 2>/dev/null || true
  if ! git -C "$dest" -c advice.detachedHead=false checkout --quiet "$commit" 2>/dev/null; then
    # Partial snapshot: check out only the blobs that exist.
    list=$(mktemp)
    git -C "$dest" ls-tree -r "$commit" --format='%(objectname) %(objecttype) %(path)' \
      | awk '$2 == "blob"' \
      | while read -r oid _type path; do
          if git -C "$dest" cat-file -e "$oid" 2>/dev/null; then printf '%s\n' "$path"; else echo "  absent in snapshot: $path" >&2; fi
        done > "$list"
    git -C "$dest" -c advice.detachedHead=false checkout --quiet --detach "$commit" -- 2>/dev/null || true
    git -C "$dest" update-ref --no-deref HEAD "$commit"
    git -C "$dest" checkout --quiet "$commit" --pathspec-from-file="$list"
    rm -f "$list"
  fi
  echo "cloned  $repo @ ${commit:0:12}"
done
