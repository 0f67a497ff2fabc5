# Sourced by checkout.sh and run.sh: the set. --set NAME or --set=NAME (first
# argument) or REALCODE_SET=NAME selects the files of bench/real-code/NAME/
# (repos.tsv there); without either, this folder's own. Sets `here`, `set_name`,
# `setdir` and shifts the option off "$@" (call: `. "$(dirname "$0")/set.sh"`).
here=$(cd "$(dirname "$0")" && pwd)
set_name=${REALCODE_SET:-}
if [ "${1:-}" = "--set" ]; then set_name=${2:?--set needs a NAME}; shift 2; fi
if [ "${1:-}" != "${1#--set=}" ]; then set_name=${1#--set=}; shift; fi
setdir=$here
if [ -n "$set_name" ]; then
  setdir=$here/$set_name
  [ -f "$setdir/repos.tsv" ] || { echo "no set $set_name: $setdir/repos.tsv missing" >&2; exit 2; }
fi
