# The two commands a new user needs: `make run` and `make test`. Both set up what is missing first.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
export BUILD_DIR

.PHONY: all bootstrap configure build run test format clean

all: build

bootstrap:
	@scripts/bootstrap

configure: bootstrap
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > /dev/null

build: configure
	@cmake --build $(BUILD_DIR)

run: build
	@scripts/run

test: build
	@scripts/test

format:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

clean:
	rm -rf $(BUILD_DIR)
