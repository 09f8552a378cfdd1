#pragma once
// Databases for the PostgreSQL runs of the store tests, in the throwaway cluster that
// `scripts/pg-cluster run -- ctest ...` starts (scripts/test does): CYBERFRAME_TEST_POSTGRES is
// its URL. Each test gets a database of its own, so tests run in parallel.

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <map>
#include <string>

namespace cyberframe::testing_support {

// The URL of the cluster, or empty (with a failure that says how to get one).
inline std::string postgres_cluster() {
  const char* url = std::getenv("CYBERFRAME_TEST_POSTGRES");
  if (url && *url) return url;
  ADD_FAILURE() << "the PostgreSQL runs need a cluster: run the tests as "
                   "'scripts/pg-cluster run -- ctest ...' (scripts/test does)";
  return "";
}

// The URL of database `name` of the cluster at `cluster` (postgresql://...@/postgres?host=...).
inline std::string database_url(const std::string& cluster, const std::string& name) {
  auto at = cluster.find("/postgres?");
  if (at == std::string::npos) return cluster;
  return cluster.substr(0, at) + "/" + name + cluster.substr(at + 9);
}

// Runs SQL on the cluster's `postgres` database (or on `url`); true when it worked.
inline bool postgres_exec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  bool ok = PQstatus(c) == CONNECTION_OK;
  if (ok) {
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);
    PGresult* r = PQexec(c, sql.c_str());
    ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!ok) ADD_FAILURE() << sql << ": " << PQresultErrorMessage(r);
    PQclear(r);
  } else {
    ADD_FAILURE() << "cannot connect to " << url << ": " << PQerrorMessage(c);
  }
  PQfinish(c);
  return ok;
}

// A new empty database, its URL; the same one again for the same `key` within a test (a test
// opening a second connection to its workspace).
inline std::string postgres_database(const std::string& place) {
  static std::map<std::string, std::string> made;
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  auto key = place + "|" + (test ? std::string(test->test_suite_name()) + "." + test->name() : "");
  if (auto it = made.find(key); it != made.end()) return it->second;
  auto cluster = postgres_cluster();
  if (cluster.empty()) return "";
  auto name = "cf_" + std::to_string(::getpid()) + "_" +
              std::to_string(std::hash<std::string>{}(key) % 1000000007);
  postgres_exec(cluster, "DROP DATABASE IF EXISTS " + name);
  if (!postgres_exec(cluster, "CREATE DATABASE " + name)) return "";
  return made[key] = database_url(cluster, name);
}

}  // namespace cyberframe::testing_support
