#pragma once
// The management review's use cases (ISO/IEC 27001:2022 9.3; core/review.hpp), for the API and
// the command line alike: the inputs 9.3.2 a-g prepared from the workspace since the last review
// held, a review held (its inputs frozen with it, in one transaction), its outputs (9.3.3)
// recorded as actions, and its minutes as HTML or XLSX.
//
// Rules (here once): the review prepared is the one named, else the next not held (earliest
// date); "since" is the date of the last review held before it; a held review's inputs are the
// frozen ones, never assembled again; a review is held once (k_conflict after). Who may do what is
// the front end's check (editors and admins hold and record actions; everyone reads).

#include <cstdint>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/review.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;
using util::Result;

// The inputs of review `ref` (the next review to prepare when ""): the frozen ones when it is
// held, else assembled now (on `today`, YYYY-MM-DD; "" for today in UTC). k_not_found for a ref
// the register lacks.
Result<core::ReviewInputs> review_inputs(Workspace& ws, const core::Catalog& catalog,
                                         std::int64_t organization, const std::string& ref = "",
                                         std::string today = "");
// Always assembled (never the frozen ones): what the review would be given on `today`.
Result<core::ReviewInputs> prepare_review(Workspace& ws, const core::Catalog& catalog,
                                          std::int64_t organization, const std::string& ref = "",
                                          std::string today = "");

struct HeldReview {
  core::IsmsRecord review;
  core::ReviewInputs inputs;
};
// Holds review `ref`: its inputs assembled on `today` ("" today) and stored with the review set
// held, in one transaction. k_conflict when already held.
Result<HeldReview> hold_review(Workspace& ws, const std::string& actor,
                               const core::Catalog& catalog, std::int64_t organization,
                               const std::string& ref, std::string today = "");

// An output of review `ref` recorded as an action (type review-output, linked to the review).
Result<core::IsmsRecord> record_review_action(Workspace& ws, const std::string& actor,
                                              const core::Catalog& catalog,
                                              std::int64_t organization, const std::string& ref,
                                              const std::string& title, const std::string& owner,
                                              const std::string& due,
                                              const std::string& description = "");

// The actions recorded as outputs of review `ref`.
Result<std::vector<core::IsmsRecord>> review_actions(Workspace& ws, std::int64_t organization,
                                                     const std::string& ref);

// The minutes of review `ref` as "html" or "xlsx": the review, its attendees, the inputs a-g
// with their records, the decisions and the actions.
Result<std::string> review_minutes(Workspace& ws, const core::Catalog& catalog,
                                   std::int64_t organization, const std::string& ref,
                                   const std::string& format);

// Demo: freezes MR-001's inputs as of its date when MR-001 is held and has none yet. Does
// nothing when the demo has no MR-001 (returns false then).
Result<bool> seed_demo_reviews(Workspace& ws, const std::string& actor,
                               const core::Catalog& catalog, std::int64_t organization);

}  // namespace cyberframe::workspace
