#pragma once
// Profiles: an organization's view of one framework, current or target (ISO/IEC TR 27103 clause
// 5.4 a-b), with roll-ups to category and function, and the gap analysis between two profiles
// (clause 5.4 c). Plain values and pure functions, no I/O.
//
// Roll-up rule (docs/profiles.md): a category's score is the mean level of its assessed,
// applicable subcategories; a function's score is the mean of its categories' scores, each category
// weighing the same. Not-applicable nodes are left out of both; unassessed ones are counted as
// unassessed, not as zero.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"

namespace cyberframe::core {

struct ScaleLevel {
  int value = 0;
  std::string name;
  std::string meaning;
};

// An implementation-level scale. Levels are consecutive integers from the first to the last.
struct Scale {
  std::string id;
  std::string name;
  std::vector<ScaleLevel> levels;

  int min() const { return levels.empty() ? 0 : levels.front().value; }
  int max() const { return levels.empty() ? 0 : levels.back().value; }
  bool contains(int level) const { return level >= min() && level <= max(); }
  const ScaleLevel* find(int level) const;
};

// The documented default: 0 Not performed ... 5 Optimised (docs/profiles.md).
const Scale& default_scale();

// A scale is usable when its id is a plain id, it has 2 to 21 levels, the levels are consecutive
// integers in increasing order, and every level has a unique, non-empty name.
util::Result<void> validate(const Scale& scale);

enum class ProfileKind { k_current, k_target };
std::string_view to_string(ProfileKind kind);
std::optional<ProfileKind> parse_profile_kind(std::string_view text);

// Priority of a node for the roadmap: 1 high, 2 medium, 3 low.
inline constexpr int k_priority_high = 1;
inline constexpr int k_priority_low = 3;

struct Evidence {
  std::int64_t id = 0;
  std::string kind;  // "link" or "file"
  std::string name;  // file name or link title
  std::string url;   // for links
  std::string sha256;
  std::int64_t size = 0;
  std::string added_at;
  std::string added_by;
};

// One node of one profile.
struct NodeAssessment {
  std::string node;
  std::optional<int> level;  // empty: not assessed (or N/A)
  bool not_applicable = false;
  std::string justification;  // required when not applicable
  std::string owner;
  int priority = 2;
  std::string notes;
  std::int64_t version = 0;  // 0: never stored
  std::string updated_at;
  std::string updated_by;
  std::vector<Evidence> evidence;
};

// Whether two assessments of a node say the same: level, N/A, justification, owner, priority and
// notes (not the version, who, when or the evidence). A node never stored says what a
// default NodeAssessment says.
bool same_assessment(const NodeAssessment& a, const NodeAssessment& b);

struct Organization {
  std::int64_t id = 0;
  std::string name;
  std::string scope;
  std::int64_t version = 0;
  std::string created_at;
};

struct Profile {
  std::int64_t id = 0;
  std::int64_t organization = 0;
  std::string name;
  std::string framework;
  ProfileKind kind = ProfileKind::k_current;
  std::string scale = "cyberframe-0-5";
  std::int64_t version = 0;
  std::string created_at;
  std::string updated_at;
};

// A dated, signed-off snapshot of a current profile (TR 27103 clause 5.4 d).
struct Snapshot {
  std::int64_t id = 0;
  std::int64_t profile = 0;
  std::string name;
  std::string taken_at;  // ISO 8601 date-time, UTC
  std::string assessor;
  std::string signed_off_by;
  std::map<std::string, NodeAssessment> assessments;
};

enum class ActionStatus { k_planned, k_in_progress, k_done, k_cancelled };
std::string_view to_string(ActionStatus status);
std::optional<ActionStatus> parse_action_status(std::string_view text);

// A roadmap item: raises the listed nodes to `target_level` when done.
struct Action {
  std::int64_t id = 0;
  std::int64_t organization = 0;
  std::string title;
  std::string owner;
  std::string due;  // YYYY-MM-DD
  ActionStatus status = ActionStatus::k_planned;
  int effort_days = 0;
  int target_level = 0;
  std::vector<std::string> nodes;  // the gaps it closes
  std::int64_t version = 0;
};

// The assessments `current` would have with `actions` done (the roadmap's what-if): each action
// raises its nodes to its target level, never lowers one, and keeps it on the scale; a node
// marked N/A stays N/A. Nodes no action names are as they are.
std::map<std::string, NodeAssessment> with_actions_done(
    const std::map<std::string, NodeAssessment>& current, const std::vector<Action>& actions,
    const Scale& scale);

// Validates one node assessment against the framework and scale. Errors name the node and say
// what is wrong: unknown node, a level outside the scale, N/A without justification, a level and
// N/A together, a priority outside 1-3, an owner that is not one line of visible text of at most
// 200 bytes (check_text of input_rules.hpp).
util::Result<void> validate(const Catalog& catalog, const Profile& profile, const Scale& scale,
                            const NodeAssessment& assessment);

struct Score {
  std::optional<double> value;  // empty when nothing below is assessed
  int assessed = 0;             // assessed, applicable subcategories below (or the node itself)
  int not_applicable = 0;
  int total = 0;  // subcategories below (or 1 for a subcategory)
};

// Scores of every node of the framework for one profile's assessments, keyed by node id.
std::map<std::string, Score> roll_up(const Catalog& catalog, const std::string& framework,
                                     const std::map<std::string, NodeAssessment>& assessments);

// The overall score of a profile: the mean of its functions' scores (functions with nothing
// assessed left out); empty when no function has a score.
std::optional<double> overall_score(const Framework& framework,
                                    const std::map<std::string, Score>& scores);

struct Gap {
  std::string node;
  Level level = Level::k_subcategory;
  std::optional<double> current;
  std::optional<double> target;
  double gap = 0;    // max(0, target - current); an unassessed current counts as the scale minimum
  int priority = 2;  // of the target profile's node (else the current's)
  double risk_weight = 1.0;  // hook for the risk register: 1 until risks are linked
  double score = 0;          // gap * priority weight * risk weight, the ranking key
  std::string owner;
  std::size_t rank = 0;  // place in the whole ranking, from 1 (0: not ranked: a roll-up)
};

// Priority weights of the ranking score: high 3, medium 2, low 1.
double priority_weight(int priority);

struct GapAnalysis {
  std::vector<Gap>
      subcategories;  // every subcategory with a target, ranked by score (highest first), with rank
  std::map<std::string, Gap> rollup;  // categories and functions: current and target scores, gap
  double mean_gap = 0;
  int open_gaps = 0;  // subcategories with gap > 0
};

// Compares a current and a target profile of the same framework. Ties of score are broken by gap,
// then by document order, so the ranking is stable.
GapAnalysis analyse_gaps(const Catalog& catalog, const std::string& framework, const Scale& scale,
                         const std::map<std::string, NodeAssessment>& current,
                         const std::map<std::string, NodeAssessment>& target,
                         const std::map<std::string, double>& risk_weights = {});

}  // namespace cyberframe::core
