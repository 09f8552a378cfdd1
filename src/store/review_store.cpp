// The SQL of management reviews' frozen inputs (review_store.hpp), on the store's unit of work.

#include "store/review_store.hpp"

#include <nlohmann/json.hpp>

#include "store/isms_store.hpp"
#include "store/unit_of_work.hpp"
#include "util/clock.hpp"

namespace cyberframe::store {

using sql::Statement;
using util::ErrorCode;

namespace {

class SqlReviewStore final : public ReviewStore {
 public:
  SqlReviewStore(UnitOfWork& work, IsmsStore& isms) : m_work(work), m_isms(isms), m_db(work.db()) {}

  Result<core::IsmsRecord> hold(const core::IsmsRecord& review,
                                const std::string& content) override {
    return m_isms.update_record_with(
        review, "hold", [&](const core::IsmsRecord& stored) -> Result<void> {
          {
            Statement st(m_db, "SELECT 1 FROM review_inputs WHERE review = ?1");
            st.bind(1, stored.id);
            auto row = st.row();
            if (!row) return std::unexpected(row.error());
            if (*row)
              return util::fail_field(ErrorCode::k_conflict,
                                      stored.ref + " is already held; its inputs are frozen",
                                      "status");
          }
          auto now = util::now_utc();
          Statement st(m_db,
                       "INSERT INTO review_inputs (organization, review, review_ref, held_at, "
                       "held_by, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
          st.bind(1, stored.organization)
              .bind(2, stored.id)
              .bind(3, stored.ref)
              .bind(4, now)
              .bind(5, m_work.actor())
              .bind(6, content);
          if (st.step() != sql::k_done)
            return std::unexpected(m_work.db_error("storing the review's inputs"));
          nlohmann::json after{
              {"review", stored.ref}, {"held_at", now}, {"held_by", m_work.actor()}};
          return m_work.audit("review-inputs", stored.ref, "create", "null", after.dump());
        });
  }

  Result<std::optional<StoredReviewInputs>> inputs(std::int64_t review) override {
    Statement st(m_db,
                 "SELECT review, review_ref, held_at, held_by, content FROM review_inputs WHERE "
                 "review = ?1");
    st.bind(1, review);
    std::optional<StoredReviewInputs> out;
    while (st.next())
      out = StoredReviewInputs{st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4)};
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

 private:
  UnitOfWork& m_work;
  IsmsStore& m_isms;
  sql::Connection* m_db;
};

}  // namespace

std::unique_ptr<ReviewStore> make_review_store(UnitOfWork& work, IsmsStore& isms) {
  return std::make_unique<SqlReviewStore>(work, isms);
}

}  // namespace cyberframe::store
