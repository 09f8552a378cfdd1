#pragma once
// Certification readiness (ISO/IEC 27001:2022 clauses 4 to 10): for each of the 30 requirement
// clauses of the framework `iso-iec-27001-2022-isms` (4.1 ... 10.2), the records that evidence it,
// their state, and what an auditor would find missing ("9.3.1: last management review 14 months
// ago", "6.1.3 d: SoA v2 draft not approved", "7.2: 3 roles without competence evidence").
// Computed from the workspace, never typed: the workspace fills ReadinessFacts (the live records
// of the ISMS registers, the documents, the risk register's figures, the measurements' newest
// values and the objectives' progress) and assess_readiness() applies one rule per requirement.
// Plain values and pure functions, no I/O, no clock (the caller gives today).
//
// A rule's status: `missing` when the requirement has no evidence an auditor would accept (no
// record, nothing approved, nothing within its period), `partial` when there is evidence but
// something is wrong with it (not approved, past its review date, incomplete), `met` otherwise.
// Every rule says what is missing in sentences beginning with its clause.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/isms.hpp"
#include "core/measurement.hpp"

namespace cyberframe::core {

inline constexpr const char* k_isms_framework = "iso-iec-27001-2022-isms";
// The period within which a recurring activity (a reassessment, an audit, a management review)
// must have happened.
inline constexpr int k_readiness_months = 12;

enum class ReadinessStatus { k_met, k_partial, k_missing };
std::string_view to_string(ReadinessStatus s);  // "met", "partial", "missing"

// The risk register's figures the rules need (workspace::risk_summary and the SoA's versions).
struct RiskFacts {
  std::size_t risks = 0;           // open risks
  std::size_t unscored = 0;        // of them, without a current or inherent score
  std::size_t treated = 0;         // of them, with a treatment decided (not "none")
  std::size_t above_appetite = 0;  // of them
  std::size_t plans_unapproved = 0;
  std::size_t reviews_overdue = 0;
  std::size_t decisions_expired = 0;
  std::size_t decisions_stale = 0;
  std::string criteria;              // the id of the criteria the risks are scored under
  bool assessment_criteria = false;  // the criteria say when and how assessments are made
  struct Soa {
    int number = 0;
    bool approved = false;
    std::string approved_at;
    std::string approved_by;
  };
  std::vector<Soa> soa;  // the SoA's versions, oldest first
};

// A measurement with the date of its newest value ("" none).
struct MeasurementFacts {
  std::string ref;
  std::string title;
  std::string frequency;
  std::string latest;  // YYYY-MM-DD
};

struct ReadinessFacts {
  std::string today;  // YYYY-MM-DD
  // The live (not deleted) records of each register by its key.
  std::map<std::string, std::vector<IsmsRecord>> records;
  std::vector<Document> documents;  // the live documents
  RiskFacts risk;
  std::vector<MeasurementFacts> measurements;  // the live, active measurements
  std::vector<ObjectiveProgress> objectives;
  // Reviews (refs) whose 9.3.2 inputs were frozen when they were held.
  std::set<std::string> reviews_with_inputs;

  const std::vector<IsmsRecord>& of(std::string_view reg) const;
};

// One record that evidences a requirement: its register key (or "document", "risk-register",
// "soa", "measurement", "criteria"), ref, title and state ("approved r2", "held 2026-02-07",
// "published, review due 2027-01-10").
struct ReadinessEvidence {
  std::string kind;
  std::string ref;
  std::string title;
  std::string state;
};

struct RequirementReadiness {
  std::string clause;  // "9.3.1"
  std::string title;   // "General"  (the catalog's short title)
  std::string node;    // "iso-iec-27001-2022-isms:9.3.1"
  ReadinessStatus status = ReadinessStatus::k_met;
  std::vector<ReadinessEvidence> evidence;
  std::vector<std::string> missing;  // sentences, each beginning with the clause
};

struct Readiness {
  std::string today;
  std::vector<RequirementReadiness> requirements;  // in the order of the clauses
  std::size_t met = 0, partial = 0, missing = 0;
  bool any_missing() const { return missing > 0; }
};

// The 30 requirement clauses with their titles, in order.
struct RequirementClause {
  std::string clause;
  std::string title;
};
const std::vector<RequirementClause>& readiness_clauses();

// One requirement's rule (k_invalid_input-free: an unknown clause gives a requirement with
// status missing and the sentence "no rule").
RequirementReadiness assess_requirement(std::string_view clause, const ReadinessFacts& facts);
// Every requirement.
Readiness assess_readiness(const ReadinessFacts& facts);

// Whole months from `from` to `to` (YYYY-MM-DD; 0 when either is not a date or from >= to).
int months_between(std::string_view from, std::string_view to);

}  // namespace cyberframe::core
