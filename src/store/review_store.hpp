#pragma once
// The repository of management reviews' frozen inputs (core/review.hpp): one row per review held,
// the inputs 9.3.2 a-g as they were assembled when it was held (codec/review_json.hpp). Reached
// as Store::reviews(); the SQL lives in review_store.cpp, on the store's unit of work.
//
// Contract (as Store's): holding a review is one transaction: the review record set held (its
// audit row and saved version, as IsmsStore writes them) and the inputs stored (audit entity
// "review-inputs", the review's ref); a review's inputs are stored once and never changed (a
// second hold is k_conflict, refused by the table's unique key too).

#include <cstdint>
#include <optional>
#include <string>

#include "core/isms.hpp"
#include "util/result.hpp"

namespace cyberframe::store {

using util::Result;

struct StoredReviewInputs {
  std::int64_t review = 0;  // the review record's id
  std::string review_ref;
  std::string held_at, held_by;
  std::string content;  // the JSON of the inputs
};

class ReviewStore {
 public:
  virtual ~ReviewStore() = default;
  // Writes `review` (status held, version checked) and stores `content` as its inputs, in one
  // transaction. Returns the review as stored.
  virtual Result<core::IsmsRecord> hold(const core::IsmsRecord& review,
                                        const std::string& content) = 0;
  // The frozen inputs of a review (by record id); nullopt when it has none.
  virtual Result<std::optional<StoredReviewInputs>> inputs(std::int64_t review) = 0;
};

}  // namespace cyberframe::store
