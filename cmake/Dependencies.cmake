# Every third-party dependency, from Debian's packages (scripts/bootstrap installs them).
find_package(yaml-cpp REQUIRED)          # libyaml-cpp-dev: writing YAML
find_package(nlohmann_json 3.10 REQUIRED) # nlohmann-json3-dev
find_package(CLI11 REQUIRED)             # libcli11-dev
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(OpenSSL REQUIRED)          # libssl-dev: SHA-256 of evidence files, TLS
find_package(Boost 1.81 REQUIRED)       # libboost1.81-dev: Beast and Asio, the HTTP layer (header-only)
pkg_check_modules(libyaml REQUIRED IMPORTED_TARGET yaml-0.1)     # libyaml-dev: reading YAML (bounded look-ahead)
pkg_check_modules(sqlite3 REQUIRED IMPORTED_TARGET sqlite3)        # libsqlite3-dev: the embedded store
pkg_check_modules(libpq REQUIRED IMPORTED_TARGET libpq)            # libpq-dev: the PostgreSQL backend
pkg_check_modules(xlsxwriter REQUIRED IMPORTED_TARGET xlsxwriter)  # libxlsxwriter-dev: XLSX export
pkg_check_modules(minizip REQUIRED IMPORTED_TARGET minizip)        # libminizip-dev: XLSX import (zip)
pkg_check_modules(libxml2 REQUIRED IMPORTED_TARGET libxml-2.0)     # libxml2-dev: XLSX import (XML)
pkg_check_modules(sodium REQUIRED IMPORTED_TARGET libsodium)       # libsodium-dev: argon2id password hashes
pkg_check_modules(icu REQUIRED IMPORTED_TARGET icu-uc)             # libicu-dev: names compared without regard to case
pkg_check_modules(libcurl REQUIRED IMPORTED_TARGET libcurl)        # libcurl4-openssl-dev: e-mail reminders (SMTP, STARTTLS)
if(CYBERFRAME_BUILD_TESTS)
  # libgtest-dev: a test tool, installed by `make test` (scripts/bootstrap --test), not by
  # `make run`; without it the product is built and the tests are not.
  find_package(GTest QUIET)
  if(NOT GTest_FOUND)
    message(STATUS "GoogleTest not found: building without the tests (make test installs it)")
    set(CYBERFRAME_BUILD_TESTS OFF)
  endif()
endif()
