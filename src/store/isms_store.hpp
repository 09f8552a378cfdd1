#pragma once
// The repository of the ISMS registers (core/isms.hpp): one table of records for every register,
// their links, comments and saved versions. Reached as Store::isms(); the SQL lives in
// isms_store.cpp, on the store's connection and unit of work (store/unit_of_work.hpp).
//
// Contract (as Store's): every write is one transaction with its audit row(s) (entities
// "isms-record" and "isms-comment"; before and after are the records' JSON, codec/isms_json.hpp)
// and, for a record, the saved version's JSON (versions()); an update names the version it read
// and a stale one is k_conflict (checked in the UPDATE itself); refs are unique in their
// organization and register without regard to case (k_conflict naming the field ref); records
// are deleted softly (deleted, kept, restorable). Lists are filtered and paged here.

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/isms.hpp"
#include "util/page.hpp"
#include "util/result.hpp"

namespace cyberframe::store {

using util::Result;

class IsmsStore {
 public:
  virtual ~IsmsStore() = default;

  // Stores a new record (core::validate); an empty ref is assigned the register's next
  // PREFIX-NNN (core::next_ref over every ref of the register, deleted ones too).
  virtual Result<core::IsmsRecord> create_record(const core::IsmsRecord& record) = 0;
  // Writes `record` over the stored one (by id) when it is still at record.version; `action`
  // names the audit row's action ("update", "approve", "delete", "restore").
  virtual Result<core::IsmsRecord> update_record(const core::IsmsRecord& record,
                                                 const std::string& action) = 0;
  // The same, with `also` run in the same transaction after the record is written (given the
  // record as stored): another repository's rows that stand or fall with the change (a management
  // review's frozen inputs). An error of `also` rolls both back.
  virtual Result<core::IsmsRecord> update_record_with(
      const core::IsmsRecord& record, const std::string& action,
      const std::function<Result<void>(const core::IsmsRecord&)>& also) = 0;
  // By ref (without regard to case) or id (digits), deleted ones too; k_not_found.
  virtual Result<core::IsmsRecord> record(std::int64_t organization, const std::string& reg,
                                          const std::string& ref) = 0;
  virtual Result<util::Paged<core::IsmsRecord>> records(std::int64_t organization,
                                                        const std::string& reg,
                                                        const core::IsmsQuery& query) = 0;
  // The live records of each register (registers without any left out), one GROUP BY.
  virtual Result<std::map<std::string, std::size_t>> counts(std::int64_t organization) = 0;
  // Which of `refs` name live records of the register (caseless keys of those found).
  virtual Result<std::set<std::string>> live_refs(std::int64_t organization, const std::string& reg,
                                                  const std::vector<std::string>& refs) = 0;
  // Creates (id 0) and updates (id set, version checked) many records in one transaction: all
  // or none. Returns how many were written.
  virtual Result<std::size_t> write_records(const std::vector<core::IsmsRecord>& records) = 0;

  virtual Result<core::IsmsComment> add_comment(std::int64_t record, const std::string& text) = 0;
  virtual Result<std::vector<core::IsmsComment>> comments(std::int64_t record) = 0;
  // Every saved version of a record, oldest first.
  virtual Result<std::vector<core::IsmsVersion>> versions(std::int64_t record) = 0;
};

}  // namespace cyberframe::store
