# The two commands a user runs (see README.md): `make demo` and `make test`.
# Both install what is missing from Debian, configure, build, then run.
# For developers and CI: `make fuzz` (libFuzzer, clang, build-fuzz/) and `make sanitize`
# (the tests under ASan and UBSan, build-sanitize/); see README.md, "For developers".
# For Windows: `make windows` (the NSIS installer, cross-built in build-windows/) and
# `make windows-test` (its tests and the installed programs under Wine); README, "Windows".

BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)

# Build needs, then what the tests and demo use to drive and check the real output.
PACKAGES := cmake g++ make pkg-config libwxgtk3.2-dev libgtk-3-dev libhpdf-dev libfribidi-dev libpugixml-dev libsqlite3-dev \
            catch2 gettext wx3.2-i18n fonts-dejavu-core cmark-gfm \
            xvfb xauth xdotool imagemagick poppler-utils qpdf sqlite3 libxml2-utils \
            desktop-file-utils appstream groff-base dpkg-dev file chromium \
            postgresql libpq-dev openssl

# The a11y tests (cmake/A11y.cmake) run axe-core with node; `npm ci` fetches it. Debian's
# nodejs and npm only where no node or npm is on PATH already (keeps a newer one in place).
NODE_PACKAGES := $(if $(shell command -v node 2>/dev/null),,nodejs) $(if $(shell command -v npm 2>/dev/null),,npm)

# `make fuzz` and `make sanitize`: clang with its libFuzzer and sanitizer runtimes.
CLANG_PACKAGES := clang libclang-rt-14-dev
FUZZ_BUILD    ?= build-fuzz
FUZZ_SECONDS  ?= 60
SANITIZE_BUILD ?= build-sanitize

# `make windows`: MinGW-w64, NSIS and Wine from Debian; the libraries are cross-built from
# Debian's source packages into WINDOWS_DEPS once (installer/windows/deps.sh), which may lie
# outside the clone so that a CI cache or a second clone reuses it.
WINDOWS_PACKAGES := cmake make pkg-config g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix \
                    binutils-mingw-w64-x86-64 nsis wine wine64 dpkg-dev ninja-build tcl perl gettext \
                    catch2 cmark-gfm xvfb xauth xdotool imagemagick poppler-utils qpdf
WINDOWS_BUILD ?= build-windows
WINDOWS_DEPS  ?= $(WINDOWS_BUILD)/deps

.PHONY: all deps clang-deps configure build test demo bench pot package fuzz sanitize clean \
        windows-deps windows windows-test

all: build

# $(call install_missing,PACKAGES): installs those not installed yet (as root), or says how.
define install_missing
	@missing=""; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" -eq 0 ]; then \
	  echo "Installing missing Debian packages:$$missing"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	else \
	  echo "These Debian packages are missing. Install them, then run make again:"; \
	  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$$missing"; \
	  exit 1; \
	fi
endef

deps:
	$(call install_missing,$(PACKAGES) $(NODE_PACKAGES))

clang-deps:
	$(call install_missing,$(CLANG_PACKAGES))

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE bench

bench: build
	cd $(BUILD) && ctest --output-on-failure -L bench -V

demo: build
	@./tools/demo.sh $(BUILD)

pot: configure
	cmake --build $(BUILD) --target pot

package: build
	cd $(BUILD) && cpack

# libFuzzer targets (fuzz/): everything built with clang, ASan, UBSan and coverage, no GUI
# and no tests; each target then runs for FUZZ_SECONDS on a copy of its corpus
# (fuzz/run.sh). Exits non-zero on any crash, leak, hang or broken invariant.
fuzz: deps clang-deps
	@[ -f $(FUZZ_BUILD)/CMakeCache.txt ] || \
	  cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	        -DFIDELIS_FUZZ=ON -DFIDELIS_GUI=OFF -DFIDELIS_TESTS=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_scale_loader fuzz_exchange_import
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh fuzz/run.sh $(FUZZ_BUILD)

# The unit, CLI and corpus-replay tests under ASan, UBSan and LSan (tools/sanitize.sh).
sanitize: deps clang-deps
	sh tools/sanitize.sh $(SANITIZE_BUILD) $(JOBS)

windows-deps:
	$(call install_missing,$(WINDOWS_PACKAGES))
	JOBS=$(JOBS) installer/windows/deps.sh $(WINDOWS_DEPS)

# The installer: build-windows/Fidelis-<version>-win64.exe.
windows: windows-deps
	@[ -f $(WINDOWS_BUILD)/CMakeCache.txt ] || \
	  cmake -S . -B $(WINDOWS_BUILD) -DCMAKE_BUILD_TYPE=Release \
	        -DCMAKE_TOOLCHAIN_FILE=$(CURDIR)/installer/windows/mingw64.cmake -DFIDELIS_WINDOWS_DEPS=$(abspath $(WINDOWS_DEPS))
	cmake --build $(WINDOWS_BUILD) -j $(JOBS)
	cd $(WINDOWS_BUILD) && cpack -G NSIS
	cp $(WINDOWS_BUILD)/packages/Fidelis-*-win64.exe $(WINDOWS_BUILD)/
	@ls -l $(WINDOWS_BUILD)/Fidelis-*-win64.exe

# The test programs under Wine, then the installer as a user meets it (installer/windows/wine_test.sh).
windows-test: windows
	installer/windows/wine_test.sh $(WINDOWS_BUILD)

clean:
	rm -rf $(BUILD) $(FUZZ_BUILD) $(SANITIZE_BUILD) $(WINDOWS_BUILD)
