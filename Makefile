# twilint: `make lint` scans fixtures/ (or PATHS=...), `make test` runs every test.
# Both install what they need first (libpcre2-dev, Python's jsonschema).

SWIFT     ?= swift
PATHS     ?= fixtures
ARGS      ?=
PREFIX    ?= /usr/local
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTHON    ?= python3

.PHONY: all deps test-deps build release lint test rules install bench fuzz sanitize clean

all: build

# libpcre2-8 with headers, through apt when pkg-config cannot find it.
deps:
	@pkg-config --exists libpcre2-8 2>/dev/null || { \
	  echo "twilint: installing libpcre2-dev"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpcre2-dev pkg-config; }

# The SARIF validator in ../shared needs jsonschema.
test-deps: deps
	@$(PYTHON) -c 'import jsonschema' 2>/dev/null || { \
	  echo "twilint: installing jsonschema"; \
	  $(PYTHON) -m pip install --quiet jsonschema; }

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
	$(SWIFT) test --skip-build --disable-swift-testing 2>&1 | tee .build/test.log
	@scripts/test-summary.sh .build/test.log

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
