# The two commands a new user needs: `make run` and `make test`. Both set up what is missing first.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
export BUILD_DIR

.PHONY: all bootstrap bootstrap-test configure build run test install format clean

PREFIX ?= /usr/local

all: build

# What building and running need; `make test` adds the test tools first.
bootstrap:
	@scripts/bootstrap

bootstrap-test:
	@scripts/bootstrap --test

configure: bootstrap
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > /dev/null

build: configure
	@start=$$(date +%s); cmake --build $(BUILD_DIR) && echo "== build took $$(( $$(date +%s) - start )) s"

run: build
	@scripts/run

test: bootstrap-test build
	@scripts/test

# The binary (with the catalog and the web UI inside it) to PREFIX/bin.
install: build
	@install -d "$(DESTDIR)$(PREFIX)/bin"
	@install -m 755 "$(BUILD_DIR)/cyberframe" "$(DESTDIR)$(PREFIX)/bin/cyberframe"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/cyberframe"

format:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

clean:
	rm -rf $(BUILD_DIR)
