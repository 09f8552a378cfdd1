#pragma once
// The backends every store suite runs on (test_store.cpp, test_risk_store.cpp): SQLite always,
// PostgreSQL in a database of its own per test in the throwaway cluster (postgres_fixture.hpp).

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "postgres_fixture.hpp"
#include "store/store.hpp"

namespace cyberframe::testing_support {

struct StoreBackend {
  const char* name;
  std::function<std::unique_ptr<store::Store>(const std::filesystem::path& dir)> open;
};

inline const StoreBackend k_store_backends[] = {
    {"sqlite",
     [](const std::filesystem::path& dir) {
       auto s = store::open_sqlite(dir / "workspace.db");
       EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().message);
       return s ? std::move(*s) : nullptr;
     }},
    {"postgresql",
     [](const std::filesystem::path& dir) -> std::unique_ptr<store::Store> {
       auto url = postgres_database(dir.string());
       if (url.empty()) return nullptr;
       auto s = store::open_workspace(
           url, store::OpenMode::k_create,
           store::AuditFiles{dir / "workspace.audit-key", dir / "workspace.audit-anchor"});
       EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().message);
       return s ? std::move(*s) : nullptr;
     }},
};

// The test's name suffix: /sqlite, /postgresql.
inline std::string store_backend_name(const ::testing::TestParamInfo<StoreBackend>& info) {
  return info.param.name;
}

}  // namespace cyberframe::testing_support
