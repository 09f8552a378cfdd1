# Every third-party dependency, from Debian's packages (scripts/bootstrap installs them).
find_package(yaml-cpp REQUIRED)          # libyaml-cpp-dev
find_package(nlohmann_json 3.10 REQUIRED) # nlohmann-json3-dev
find_package(CLI11 REQUIRED)             # libcli11-dev
find_package(Threads REQUIRED)
if(CYBERFRAME_BUILD_TESTS)
  find_package(GTest REQUIRED)           # libgtest-dev
endif()
