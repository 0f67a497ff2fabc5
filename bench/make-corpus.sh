#!/usr/bin/env bash
# make-corpus.sh — build the benchmark corpus that bench/run.sh scans.
#
#   bench/make-corpus.sh [--force] [DIR]      (default DIR: .bench-corpus)
#
# The corpus is a mixed tree of real third-party code plus a few planted files:
#   swift/   pinned tags of Swift packages, `git archive`d from the local
#            mirror that git's url.<mirror>.insteadOf sends github.com to
#            (override with SWIFT_MIRROR=DIR)
#   python/  pinned wheels from PyPI (pip download), unpacked
#   js/      pinned Debian bookworm node-*/libjs-* packages (apt-get download),
#            unpacked: CommonJS and ES modules, .d.ts files, minified bundles
#   planted/ small Twilio apps written by this script, with fake credentials
#            derived from fixed seeds (so none is written here literally);
#            planted/EXPECTED.tsv lists the rules each file is meant to trigger
#
# Every download is pinned by version and checked against its sha256, every
# Swift tag against its git tree id; a mismatch stops the build. Symbolic
# links and empty folders are removed, so every tool sees the same files.
# DIR/.corpus-recipe records the sha256 of this script: a second run with the
# same script does nothing, a run with an edited script rebuilds DIR (only a
# folder this script made is ever deleted; --force rebuilds anyway).
# BENCH_CORPUS_CACHE=DIR keeps the downloads for the next build (default: a
# temporary folder, removed at exit). Prints one summary line on stdout.
set -euo pipefail

die() { echo "make-corpus: error: $*" >&2; exit 1; }
note() { echo "make-corpus: $*" >&2; }

FORCE=0
if [[ ${1:-} == --force ]]; then FORCE=1; shift; fi
TARGET=${1:-.bench-corpus}
(($# <= 1)) || die "usage: make-corpus.sh [--force] [DIR]"
PYTHON=${PYTHON:-python3}
RECIPE=$(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)

# ------------------------------------------------------------------ the pins
# swift  owner/name  tag  tree-id-of-the-tag  paths-to-remove (comma-separated, or -)
# pypi   wheel-file  sha256  file-name globs to leave out (comma-separated, or -)
# deb    package=version  sha256  paths-to-remove (comma-separated, or -)
PINS=$(cat <<'EOF'
swift apple/swift-nio 2.101.3 7f97d70a828b1befdf454ccefc3357d1187410e7 -
swift vapor/vapor 4.122.3 d9f030b0df8104989cde758dc147761142f14558 -
swift swiftlang/swift-syntax 603.0.1 5a9475edce9d3364d722cdba43b772848ce07d4d -
swift apple/swift-protobuf 1.39.0 57005ac2dd8e520c8fcd31da7a5a5142f9cfbf8e Sources/protobuf,Reference,FuzzTesting
swift hummingbird-project/hummingbird 2.28.1 cea706fcaa76254c3426deb7174c3d6e0b651f55 -
swift swift-server/async-http-client 1.37.0 a5f220a2aba7753b293b765021ddc9d7b4a22255 -
swift apple/swift-openapi-generator 1.14.3 87111dd2a847bfed91f8dcc8a40a419bda91c6ae -
swift vapor/postgres-nio 1.33.2 b24e0ea6f70aaa775887808b3adb75918fca4634 -
swift apple/swift-argument-parser 1.8.2 e0a95470aa8a42a5c29b6caf869339bd2774e8a1 -
swift vapor/fluent-kit 1.57.0 97be62179a409b5c38278563f06a78c402f950eb -
pypi twilio-9.13.0-py2.py3-none-any.whl a73eb7139f47ed0ad934e9cf0a26cd0add6b86e6ca4aec5964624a9ea588c11c -
pypi django-5.2.19-py3-none-any.whl 5965d974a5218a2b68a11dd1276434707f23886525c23f0598eccedaf4f4ca00 *.po,*.mo
pypi flask-3.1.3-py3-none-any.whl f4bcbefc124291925f1a26446da31a5178f9483862233b23c0c96a20701f670c -
pypi werkzeug-3.1.9-py3-none-any.whl 6392e50c78460ba618e5b21f08a71f59c99ce99cdc6cf6e3dd7e6ccca8754fab -
pypi jinja2-3.1.6-py3-none-any.whl 85ece4451f492d0c13c5dd7c13a64681a86afae63a5f347908daf103ce6d2f67 -
pypi click-8.5.1-py3-none-any.whl 8bb5376d2006950386f8c6427613334a2acadc5f559cb80e638d00b4df957e37 -
pypi itsdangerous-2.2.0-py3-none-any.whl c6242fc49e35958c8b15141343aa660db5fc54d4f13a1db01a3f5891b98700ef -
pypi requests-2.34.2-py3-none-any.whl 2a0d60c172f83ac6ab31e4554906c0f3b3588d37b5cb939b1c061f4907e278e0 -
pypi urllib3-2.8.0-py3-none-any.whl 0cf3cae568d36aa9576b28dfb35f11328f1cb974ca7647d9475ebb86c75ac6e3 -
pypi starlette-1.10.0-py3-none-any.whl 478c0ab3b4ced6e82719849c118fa406f0278a3499c1a898cd15cd31bdc38ce4 -
pypi fastapi-0.165.0-py3-none-any.whl 896f48462042bb4f162147eb8fac7e858753dc1f486765709baf105d70e4fc5b -
pypi pip-26.3-py3-none-any.whl f3b60b20ffaadd4415ed7957212a38ac63fa4c5fa375bd0f4a797777940fad13 -
pypi setuptools-84.2.1-py3-none-any.whl ca140b45d5325a9478f880e351484f62fef15f336462e449ca0c03c873d589c2 -
pypi bokeh-3.9.2-py3-none-any.whl 448e07d5ee78231f5bdece3be020024bb98696c0d6b127e0e2df0b8ba8fa9765 -
deb node-typescript=4.8.4+ds1-2 a892c2ada87115af8875b4cbe9746836ffe8b5a00724a63ffcaa79b3d83d2245 usr/share/nodejs/typescript/loc,usr/share/nodejs/typescript/lib/tsc.js,usr/share/nodejs/typescript/lib/tsserver.js,usr/share/nodejs/typescript/lib/tsserverlibrary.js,usr/share/nodejs/typescript/lib/typescriptServices.js,usr/share/nodejs/typescript/lib/typingsInstaller.js,usr/share/nodejs/typescript/lib/typescript.js
deb node-lodash=4.17.21+dfsg+~cs8.31.198.20210220-9 16f64f7663c90b12fe7429478c26f66a42841703abe7eb5ab9df94ab9da2dc33 -
deb node-core-js=3.26.1-3 a909fbf87a824027abfdd760f550e5d221fdf6c8a07b2a465a6b05d0605767c9 -
deb libjs-codemirror=5.65.0+~cs5.83.9-2 3dfcf0aa3c790f6103d5460347a8e3ac6dd228f06a4078bac6503d8a0bb4d787 -
deb libjs-jquery-ui=1.13.2+dfsg-1 10e19573adde01d1276ddb4cf0453fbfb070b9b867162b6f7f10708b0631d369 -
deb libjs-jquery=3.6.1+dfsg+~3.5.14-1 a58c9ff6afe96c769cb6535754c909410760e4efa1e1540236194e489adcfb25 -
deb libjs-bootstrap5=5.2.3+dfsg-8 a9fdd25a02a520dad5b188ea3576ef67513bad8334238a51f6921a8c2cb8a5a6 -
deb libjs-d3=3.5.17-4 08b73c423d0a3bb7b657eebf5f7ebac501931cbdcf6422da3a634f7baa263749 -
deb libjs-highlight.js=9.18.5+dfsg1-2 b2bdd7826bd4633f6e35537b7aec7c635fc2316e7efd30a2fbf398ab664943a7 -
EOF
)
# Why the removals: swift-protobuf vendors Google's C++ protobuf, generated
# reference copies and binary fuzz corpora; django's 2,400 gettext catalogues
# are not code; node-typescript ships the compiler five times as ~10 MB bundles
# (one is kept in lib/*.d.ts form) plus Visual Studio localisation files.

pins() { awk -v kind="$1" '$1 == kind { $1 = ""; sub(/^ /, ""); print }' <<<"$PINS"; }

# ------------------------------------------------------------ up to date?
if [[ -f $TARGET/.corpus-recipe && $FORCE == 0 && $(cat "$TARGET/.corpus-recipe") == "$RECIPE" ]]; then
  note "$TARGET was built by this recipe; nothing to do."
  cat "$TARGET/.corpus-summary"
  exit 0
fi
if [[ -e $TARGET && -n $(ls -A "$TARGET" 2>/dev/null) ]]; then
  [[ -f $TARGET/.corpus-recipe || -f $TARGET/.corpus-partial ]] ||
    die "$TARGET is not empty and was not made by this script; name an empty or new folder."
fi

# ------------------------------------------------------------- preflight
for tool in git tar sha256sum dpkg-deb apt-get find awk "$PYTHON"; do
  command -v "$tool" >/dev/null || die "this needs '$tool' on PATH."
done
"$PYTHON" -m pip --version >/dev/null 2>&1 || die "'$PYTHON -m pip' does not run; it downloads the wheels."
if [[ -z ${SWIFT_MIRROR:-} ]]; then
  SWIFT_MIRROR=$(git config --get-regexp '^url\..*\.insteadof$' |
    awk '$2 == "https://github.com/" { sub(/^url\./, "", $1); sub(/\.insteadof$/, "", $1); print $1; exit }')
fi
SWIFT_MIRROR=${SWIFT_MIRROR%/}
[[ -n $SWIFT_MIRROR && -d $SWIFT_MIRROR ]] ||
  die "no local Swift package mirror (git config url.<dir>.insteadOf https://github.com/); set SWIFT_MIRROR=DIR."
while read -r repo tag tree _; do
  got=$(git --git-dir="$SWIFT_MIRROR/$repo.git" rev-parse -q --verify "refs/tags/$tag^{tree}" 2>/dev/null) ||
    die "the mirror has no tag $tag of $repo ($SWIFT_MIRROR/$repo.git)."
  [[ $got == "$tree" ]] || die "$repo $tag has tree $got in the mirror, pinned $tree."
done < <(pins swift)

if [[ -n ${BENCH_CORPUS_CACHE:-} ]]; then
  CACHE=$BENCH_CORPUS_CACHE
else
  CACHE=$(mktemp -d "${TMPDIR:-/tmp}/twilint-corpus-downloads.XXXXXX")
  trap 'rm -rf "$CACHE"' EXIT
fi
mkdir -p "$CACHE/pypi" "$CACHE/deb"

# verify FILE SHA256: stop unless FILE has that digest.
verify() {
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  [[ $got == "$2" ]] || die "$(basename "$1") has sha256 $got, pinned $2."
}

# remove ROOT LIST: delete the comma-separated paths under ROOT, each of which must exist.
remove() {
  local root=$1 list=$2 path
  [[ $list == - ]] && return
  IFS=, read -r -a paths <<<"$list"
  for path in "${paths[@]}"; do
    [[ -e $root/$path ]] || die "$path, pinned for removal, is not in $root."
    rm -rf "${root:?}/$path"
  done
}

# Download everything first: a build that fails halfway leaves no half corpus.
wanted=()
while read -r wheel _ _; do
  [[ -f $CACHE/pypi/$wheel ]] || wanted+=("$(cut -d- -f1 <<<"$wheel")==$(cut -d- -f2 <<<"$wheel")")
done < <(pins pypi)
if ((${#wanted[@]})); then
  note "pip download ${wanted[*]}"
  "$PYTHON" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --platform any --python-version 3.11 --implementation py -d "$CACHE/pypi" "${wanted[@]}" >&2 ||
    die "pip could not download ${wanted[*]}."
fi
deb_name() { local package=${1%%=*} version=${1#*=}; echo "${package}_${version//:/%3a}_all.deb"; }
wanted=()
while read -r pinned _ _; do
  [[ -f $CACHE/deb/$(deb_name "$pinned") ]] || wanted+=("$pinned")
done < <(pins deb)
if ((${#wanted[@]})); then
  note "apt-get download ${wanted[*]}"
  (cd "$CACHE/deb" && apt-get download -q -o APT::Sandbox::User=root "${wanted[@]}" >&2) ||
    die "apt-get could not download ${wanted[*]} (run 'apt-get update'; 'apt-cache policy PACKAGE' shows what the archive has)."
fi
while read -r wheel sha _; do verify "$CACHE/pypi/$wheel" "$sha"; done < <(pins pypi)
while read -r pinned sha _; do verify "$CACHE/deb/$(deb_name "$pinned")" "$sha"; done < <(pins deb)

# ----------------------------------------------------------------- build
rm -rf "$TARGET"
mkdir -p "$TARGET"
TARGET=$(cd "$TARGET" && pwd)
date -u +%FT%TZ >"$TARGET/.corpus-partial"

while read -r repo tag _ drop; do
  note "swift $repo $tag"
  dest=$TARGET/swift/${repo/\//__}
  mkdir -p "$dest"
  git --git-dir="$SWIFT_MIRROR/$repo.git" archive "refs/tags/$tag" | tar -x -C "$dest"
  remove "$dest" "$drop"
done < <(pins swift)

while read -r wheel _ leave_out; do
  note "pypi $wheel"
  "$PYTHON" - "$CACHE/pypi/$wheel" "$TARGET/python/${wheel%%-py*}" "$leave_out" <<'PY'
import fnmatch, pathlib, sys, zipfile
wheel, dest, leave_out = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
globs = [] if leave_out == "-" else leave_out.split(",")
with zipfile.ZipFile(wheel) as archive:
    for member in archive.infolist():
        parts = pathlib.PurePosixPath(member.filename).parts
        if member.is_dir() or any(fnmatch.fnmatch(parts[-1], g) for g in globs):
            continue
        if member.filename.startswith("/") or ".." in parts:
            sys.exit(f"make-corpus: error: {wheel} holds an unsafe path {member.filename!r}.")
        archive.extract(member, dest)
PY
done < <(pins pypi)

while read -r pinned _ drop; do
  note "deb $pinned"
  dest=$TARGET/js/${pinned%%=*}
  mkdir -p "$dest"
  dpkg-deb -x "$CACHE/deb/$(deb_name "$pinned")" "$dest"
  rm -rf "$dest/usr/share/doc" "$dest/usr/share/lintian" "$dest/usr/share/man"
  remove "$dest" "$drop"
done < <(pins deb)

find "$TARGET" -type l -delete
find "$TARGET" -mindepth 1 -type d -empty -delete

# ---------------------------------------------------------------- planted
# fake KIND SEED: a value of the credential's shape, the same on every build.
fake() {
  local digest
  digest=$(printf 'twilint corpus %s %s' "$1" "$2" | sha256sum | cut -c1-32)
  case $1 in
    account) echo "AC$digest" ;;
    key) echo "SK$digest" ;;
    token) echo "$digest" ;;
  esac
}
ACCOUNT=$(fake account 1) TOKEN=$(fake token 1)
ACCOUNT2=$(fake account 2) TOKEN2=$(fake token 2)
KEY=$(fake key 1) KEY_SECRET=$(fake token key-secret-1)
P=$TARGET/planted
# plant PATH: write standard input to planted/PATH.
plant() { mkdir -p "$(dirname "$P/$1")"; cat >"$P/$1"; }

plant python/send_sms.py <<EOF
"""Sends the day's delivery notices (a benchmark sample with fake credentials)."""
from twilio.rest import Client

client = Client("$ACCOUNT", "$TOKEN")


def notify(customer):
    message = client.messages.create(
        to=customer.phone,
        from_="+15017122661",
        body="Your parcel arrives today between 10:00 and 12:00.",
    )
    return message.sid
EOF

plant python/flask_sms_validated.py <<'EOF'
"""Answers inbound SMS after checking Twilio's signature; honours STOP."""
import os
from functools import wraps

from flask import Flask, abort, request
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

app = Flask(__name__)
STOP_WORDS = {"stop", "stopall", "unsubscribe", "cancel", "end", "quit"}


def twilio_signed(view):
    @wraps(view)
    def checked(*args, **kwargs):
        validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])
        if not validator.validate(request.url, request.form, request.headers.get("X-Twilio-Signature", "")):
            abort(403)
        return view(*args, **kwargs)
    return checked


@app.route("/sms", methods=["POST"])
@twilio_signed
def inbound():
    text = request.form.get("Body", "").strip().lower()
    reply = MessagingResponse()
    if text not in STOP_WORDS:
        reply.message("Thanks, we got your message.")
    return str(reply)
EOF

plant python/status_callback.py <<'EOF'
"""Records delivery status callbacks, but never checks who sent them."""
from flask import Flask, request

app = Flask(__name__)
statuses = {}


@app.route("/status", methods=["POST"])
def status():
    statuses[request.form["MessageSid"]] = request.form["MessageStatus"]
    return ("", 204)
EOF

plant python/settings.py <<EOF
TWILIO_ACCOUNT_SID = "$ACCOUNT2"
TWILIO_AUTH_TOKEN = "$TOKEN2"
EOF

plant node/server_validated.js <<'EOF'
// Inbound SMS behind twilio.webhook(), which checks X-Twilio-Signature.
const express = require("express");
const twilio = require("twilio");

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post("/sms", twilio.webhook(), (req, res) => {
  const reply = new twilio.twiml.MessagingResponse();
  if (!/^(stop|unsubscribe|cancel)$/i.test(req.body.Body.trim())) {
    reply.message("Thanks, we got your message.");
  }
  res.type("text/xml").send(reply.toString());
});

app.listen(process.env.PORT || 3000);
EOF

plant node/server.js <<EOF
const express = require("express");
const twilio = require("twilio");

const client = twilio("$ACCOUNT", process.env.TWILIO_AUTH_TOKEN);
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post("/sms", (req, res) => {
  const reply = new twilio.twiml.MessagingResponse();
  reply.message("Echo: " + req.body.Body);
  res.type("text/xml").send(reply.toString());
});

app.post("/notify", async (req, res) => {
  await client.messages.create({ to: req.body.to, from: process.env.TWILIO_FROM, body: "Hello" });
  res.sendStatus(204);
});

app.listen(3000);
EOF

plant ts/sms.ts <<'EOF'
// Sends one SMS through the REST API with credentials from the environment.
import twilio from "twilio";

const client = twilio(process.env.TWILIO_API_KEY_SID, process.env.TWILIO_API_KEY_SECRET, {
  accountSid: process.env.TWILIO_ACCOUNT_SID,
});

const E164 = /^\+[1-9]\d{1,14}$/;

export async function send(to: string, body: string): Promise<string | undefined> {
  if (!E164.test(to)) {
    throw new Error(`not an E.164 number: ${to}`);
  }
  try {
    const message = await client.messages.create({ to, body, messagingServiceSid: process.env.TWILIO_MESSAGING_SERVICE_SID });
    return message.sid;
  } catch (error) {
    console.error("Twilio refused the message", error);
    return undefined;
  }
}
EOF

plant ios/SMSDemo/TwilioService.swift <<EOF
import Foundation

/// Sends a text straight from the app: the credentials ship inside the binary.
struct TwilioService {
    let accountSID = "$ACCOUNT"
    let authToken = "$TOKEN"

    func send(_ body: String, to number: String) async throws {
        let url = URL(string: "https://api.twilio.com/2010-04-01/Accounts/\(accountSID)/Messages.json")!
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        let login = Data("\(accountSID):\(authToken)".utf8).base64EncodedString()
        request.setValue("Basic \(login)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data("To=\(number)&Body=\(body)".utf8)
        _ = try? await URLSession.shared.data(for: request)
    }
}
EOF

plant web/src/SmsButton.jsx <<EOF
import twilio from "twilio";

const client = twilio(import.meta.env.VITE_TWILIO_ACCOUNT_SID, "$TOKEN2");

export function SmsButton({ to }) {
  return <button onClick={() => client.messages.create({ to, from: "+15017122661", body: "Hi" })}>Text me</button>;
}
EOF

plant config/.env <<EOF
TWILIO_ACCOUNT_SID=$ACCOUNT2
TWILIO_API_KEY=$KEY
TWILIO_API_SECRET=$KEY_SECRET
EOF

plant config/twilio.yaml <<EOF
twilio:
  account_sid: $ACCOUNT
  auth_token: $TOKEN
EOF

# What twilint reported on these files when they were written down; bench/run.sh
# times them and does not check this list.
plant EXPECTED.tsv <<'EOF'
file	rules
python/send_sms.py	TW001 TW002 TW005 TW006 TW007 TW010
python/flask_sms_validated.py	-
python/status_callback.py	TW003
python/settings.py	TW001 TW002
node/server_validated.js	-
node/server.js	TW001 TW003 TW005 TW007 TW009 TW010
ts/sms.ts	TW008 TW010
ios/SMSDemo/TwilioService.swift	TW001 TW002 TW005 TW007 TW010
web/src/SmsButton.jsx	TW002 TW004 TW005 TW006 TW007 TW010
config/.env	TW001 TW002
config/twilio.yaml	TW001 TW002
EOF

# ------------------------------------------------------------------ done
summary=$(cd "$TARGET" && find . -type f ! -name '.corpus-*' -printf '%s %p\n' | awk '
  { kind = "other" }
  /\.swift$/ { kind = "swift" } /\.pyi?$/ { kind = "python" } /\.[cm]?jsx?$/ { kind = "js" } /\.[cm]?tsx?$/ { kind = "ts" }
  { files[kind]++; bytes[kind] += $1; n++; total += $1 }
  END {
    printf "corpus: %d files, %.1f MB:", n, total / 1e6
    split("swift python js ts other", order, " ")
    for (i = 1; i <= 5; i++) printf " %s %d files %.1f MB%s", order[i], files[order[i]], bytes[order[i]] / 1e6, i < 5 ? "," : "\n"
  }')
echo "$summary" >"$TARGET/.corpus-summary"
echo "$RECIPE" >"$TARGET/.corpus-recipe"
rm -f "$TARGET/.corpus-partial"
echo "$summary"
