#pragma once
// What a repository of the store writes through (internal to src/store): the connection, one
// write transaction with the audit rows appended in it, and the actor the front end named. The
// SQL store implements it once (sql_store.cpp); each aggregate's repository (risk_store.cpp,
// ...) is written against it, so that every repository keeps the store's contract
// (store.hpp) without a copy of the transaction and audit code.

#include <functional>
#include <memory>
#include <string>

#include "store/sql_connection.hpp"
#include "util/result.hpp"

namespace cyberframe::store {

class RiskStore;
class IsmsStore;
class MeasurementStore;
class DocumentStore;
class PeopleStore;
class ReviewStore;

class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  virtual sql::Connection* db() = 0;
  // Runs `body` in one write transaction: commits when it succeeds, rolls back when it fails.
  virtual util::Result<void> write(const std::function<util::Result<void>()>& body) = 0;
  // Appends one audit row inside the open write transaction, as the actor, now.
  virtual util::Result<void> audit(const std::string& entity, const std::string& entity_id,
                                   const std::string& action, const std::string& before,
                                   const std::string& after) = 0;
  virtual const std::string& actor() const = 0;
  // k_io with the database's message, "what: message".
  virtual util::Error db_error(const std::string& what) const = 0;
};

std::unique_ptr<RiskStore> make_risk_store(UnitOfWork& work);
std::unique_ptr<IsmsStore> make_isms_store(UnitOfWork& work);
std::unique_ptr<MeasurementStore> make_measurement_store(UnitOfWork& work);
std::unique_ptr<DocumentStore> make_document_store(UnitOfWork& work);
std::unique_ptr<PeopleStore> make_people_store(UnitOfWork& work);
// The review store writes the review record through the ISMS repository, in its transaction.
std::unique_ptr<ReviewStore> make_review_store(UnitOfWork& work, IsmsStore& isms);

}  // namespace cyberframe::store
