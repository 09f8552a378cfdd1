#pragma once
// The management review (ISO/IEC 27001:2022 9.3): the inputs of 9.3.2 a-g assembled from the
// workspace's records since the last review held, and the framework profile's progress since
// then. Plain values and pure functions over what the workspace read (workspace/review.hpp); no
// I/O. A held review's inputs are frozen (stored as the JSON of codec/review_json.hpp) and never
// assembled again.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/isms.hpp"
#include "util/result.hpp"

namespace cyberframe::core {

// One record an input drew from: an ISMS register's record (`register_key` set) or another kind
// of record (`kind`: "risk", "profile").
struct ReviewItem {
  std::string register_key;
  std::string kind;
  std::string ref;
  std::string title;
  std::string status;
  std::string why;  // why it is listed ("open, overdue since 2026-03-31")
  auto operator<=>(const ReviewItem&) const = default;
};

// One input: its key ("a" ... "g", "profile"), its title (the clause's subject in our words),
// counts that summarise it (in order) and the records it drew from.
struct ReviewInput {
  std::string key;
  std::string title;
  std::vector<std::pair<std::string, std::int64_t>> summary;
  std::vector<ReviewItem> records;
  bool operator==(const ReviewInput&) const = default;
};

// A current profile's overall score at the last review (its newest assessment on or before that
// date) and now (its newest assessment, else the profile as it stands).
struct ProfileProgress {
  std::string profile;
  std::string framework;
  std::optional<double> before;
  std::string before_at;  // the assessment's name and date, "" when there was none
  std::optional<double> now;
  std::string now_at;
  bool operator==(const ProfileProgress&) const = default;
};

struct ReviewInputs {
  std::string review;  // MR-NNN ("" when the workspace has no review to prepare)
  std::string date;    // the review's date
  std::string since;   // the date of the last review held before it ("" none: everything)
  std::string prepared_at;
  bool frozen = false;  // held: stored, never assembled again
  std::string held_at, held_by;
  std::vector<ReviewInput> inputs;  // a ... g, then "profile"
  std::vector<ProfileProgress> profiles;
  const ReviewInput* input(std::string_view key) const;
  bool operator==(const ReviewInputs&) const = default;
};

// What the workspace reads for the assembly.
struct ReviewMeasurement {
  std::string ref, title;
  std::string status;  // met | warning | breached | no-data
  std::string latest;  // the date of the newest value
};
struct ReviewObjective {
  std::string ref, title, status;
  std::string progress;  // on-track | off-track | no-data
  std::string reason;
};
struct ReviewRisk {
  std::string ref, title, status, level;
  bool above_appetite = false;
  std::string treatment;
  std::string updated_at;
};
struct ReviewSources {
  IsmsRecord review;  // the review prepared (ref "" when none)
  std::string since;
  std::string today;  // YYYY-MM-DD
  // The live records of the registers the inputs draw from, by register key.
  std::map<std::string, std::vector<IsmsRecord>> records;
  std::vector<ReviewMeasurement> measurements;
  std::vector<ReviewObjective> objectives;
  std::vector<ReviewRisk> risks;
  std::vector<std::pair<std::string, std::int64_t>> risk_summary;
  std::vector<ProfileProgress> profiles;
};

// The registers ReviewSources::records holds.
const std::vector<std::string>& review_registers();

// The date of the newest review held (status held or closed) other than `review`, dated on or
// before its date (any, when `review` has no date); "" when none.
std::string review_since(const std::vector<IsmsRecord>& reviews, const IsmsRecord& review);

// The review to prepare when none is named: the earliest by date of those not held (planned or
// in preparation); nullptr when there is none.
const IsmsRecord* next_review(const std::vector<IsmsRecord>& reviews);

// Whether a record was created or changed on or after `since` (always, when since is "").
bool changed_since(const IsmsRecord& record, const std::string& since);

// The inputs 9.3.2 a-g and the profile's progress.
ReviewInputs assemble_review_inputs(const ReviewSources& sources);

// Whether `review` may be held: a review record, not deleted, not held or closed already
// (k_conflict naming its status), with a date (k_invalid_input).
util::Result<void> check_hold(const IsmsRecord& review);

// The review record as held: status held.
IsmsRecord held(IsmsRecord review);

// An action recorded as an output of `review` (9.3.3): type review-output, linked
// record:reviews/REF, status open. k_invalid_input for an empty title or a bad due date.
util::Result<IsmsRecord> review_action(const IsmsRecord& review, const std::string& title,
                                       const std::string& owner, const std::string& due,
                                       const std::string& description);

}  // namespace cyberframe::core
