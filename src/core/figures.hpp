#pragma once
// The figures a board and an auditor read about a profile, defined once: the dashboard, the CLI,
// every report and every export take them from here (docs/profiles.md, "Figures"). Plain values
// and pure functions, no I/O.
//
// - coverage: of the framework's assessable outcomes (those assessed directly), how many are not
//   applicable, how many of the applicable ones carry a level, and that share of the applicable;
// - current and target: the overall scores (the mean of the functions' scores, core::roll_up);
// - with target, at target, open gaps: outcomes the target profile sets, those the current one
//   reaches, those below it; the share at target; the mean gap over the outcomes with a target.
//
// One rounding rule for every figure shown: a score is rounded to hundredths (what the API
// carries), and shown with one decimal of those hundredths, half away from zero each time
// (format_score); a share is a whole percentage of two counts, half away from zero (percent). A
// view that has the API's number shows the same text as a report made from the exact value.

#include <optional>
#include <string>
#include <vector>

#include "core/profile.hpp"

namespace cyberframe::core {

struct Coverage {
  int total = 0;           // assessable outcomes of the framework
  int not_applicable = 0;  // marked N/A
  int assessed = 0;        // applicable and carrying a level
  int applicable() const { return total - not_applicable; }
  // assessed / applicable; empty when nothing is applicable.
  std::optional<double> share() const;
};

struct Figures {
  Coverage coverage;
  std::optional<double> current;  // overall score of the current profile
  bool has_target = false;
  std::optional<double> target;                   // overall score of the target profile
  int with_target = 0;                            // outcomes the target sets
  int at_target = 0;                              // of those, reached by the current profile
  int open_gaps = 0;                              // of those, below target
  std::optional<double> at_target_share() const;  // at_target / with_target
  std::optional<double> mean_gap;                 // over the outcomes with a target
};

// A gap analysis with what it compared (workspace::gap_report makes one), and the figures of the
// current profile against the target.
struct GapReport {
  Profile current;
  Profile target;
  Scale scale;
  GapAnalysis gaps;
  Figures figures;
  // Of the whole ranking, whatever filter later keeps only some of gaps.subcategories: how many
  // outcomes it ranks, and their owners (distinct, sorted, without the empty owner).
  std::size_t ranked = 0;
  std::vector<std::string> owners;
};

// The roadmap's what-if (workspace::what_if makes one): the gap report as it is, and as it would
// be with the chosen actions done (core::with_actions_done); `after.current` is the same profile.
struct WhatIf {
  GapReport before;
  GapReport after;
  std::vector<Action> actions;  // the chosen actions, each once, in the order asked
};

// The figures of `current` (and `target` when given: a profile on the same framework and scale).
Figures figures(const Catalog& catalog, const Framework& framework, const Scale& scale,
                const std::map<std::string, NodeAssessment>& current,
                const std::map<std::string, NodeAssessment>* target);

// The one rounding of a score: to hundredths, half away from zero (what the API carries).
long long hundredths(double value);
// A score as every view shows it: one decimal of its hundredths, half away from zero, counted in
// whole numbers so that no binary fraction decides ("2.25" is shown "2.3", "1.15" "1.2").
std::string format_score(double value);
// The score as the API carries it: its hundredths as a number (2.25).
double api_score(double value);
// part / whole as a whole percentage, half away from zero; empty when whole is 0.
std::optional<int> percent(int part, int whole);

}  // namespace cyberframe::core
