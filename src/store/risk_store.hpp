#pragma once
// The repository of risk management (core/risk.hpp): an organization's risk criteria, assets,
// own controls, risks with their treatment links, the risk owner's decisions, the versions of
// the Statement of Applicability and the register's baselines. Reached as Store::risks(); the
// SQL lives in risk_store.cpp, on the same connection and unit of work as the rest of the store
// (store/unit_of_work.hpp), so a write here is one transaction with its audit rows like any
// other.
//
// Contract (as Store's): every write is one transaction with its audit row(s) (entities
// "criteria", "asset", "control", "risk", "decision", "soa", "baseline"); an update names the
// version it read and a stale one is k_conflict; refs are unique in their organization without
// regard to case (k_conflict naming the holder); links name records of the same organization
// (k_invalid_input naming the link); nothing is deleted (retired, closed, revoked). Lists are
// filtered and paged here.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/risk.hpp"
#include "util/page.hpp"
#include "util/result.hpp"

namespace cyberframe::store {

using util::Result;

struct StoredCriteria {
  core::RiskCriteria criteria;  // the newest version
  std::string definition;       // its stored JSON text
};

struct SoaState {
  core::SoaVersion version;
  std::vector<core::SoaRow> rows;  // in the order stored (by control)
};

struct Baseline {
  std::int64_t id = 0;
  std::int64_t organization = 0;
  std::string name;
  std::string taken_at;
  std::string taken_by;
  std::string content;  // JSON: the register and the SoA as they were (workspace/risks.hpp)
};

class RiskStore {
 public:
  virtual ~RiskStore() = default;

  // --- criteria: `definition` is the criteria's JSON (codec), kept with every version ---
  // Creates (expected_version 0) or stores a new version of the organization's criteria.
  virtual Result<core::RiskCriteria> save_criteria(const core::RiskCriteria& criteria,
                                                   const std::string& definition,
                                                   std::int64_t expected_version) = 0;
  // The definitions of one criteria set: the newest (version 0) or the one asked for.
  virtual Result<std::string> criteria_definition(const std::string& criteria,
                                                  std::int64_t version) = 0;
  // The ids, names, versions and owners of the criteria sets an organization keeps.
  virtual Result<std::vector<core::RiskCriteria>> criteria_list(std::int64_t organization) = 0;

  // --- assets ---
  virtual Result<core::Asset> create_asset(const core::Asset& asset) = 0;
  virtual Result<core::Asset> update_asset(const core::Asset& asset) = 0;  // checks version
  virtual Result<core::Asset> asset(std::int64_t id) = 0;
  // By id (digits) or ref, within the organization.
  virtual Result<core::Asset> asset(std::int64_t organization, const std::string& ref) = 0;
  // The refs of the assets `ids`, by id, in one query (a page of risks names its assets by ref).
  virtual Result<std::map<std::int64_t, std::string>> asset_refs(
      const std::vector<std::int64_t>& ids) = 0;
  virtual Result<util::Paged<core::Asset>> assets(std::int64_t organization,
                                                  const core::AssetQuery& query) = 0;

  // --- the organization's own controls ---
  virtual Result<core::Control> create_control(const core::Control& control) = 0;
  virtual Result<core::Control> update_control(const core::Control& control) = 0;
  virtual Result<core::Control> control(std::int64_t organization, const std::string& ref) = 0;
  virtual Result<std::vector<core::Control>> controls(std::int64_t organization) = 0;

  // --- risks ---
  virtual Result<core::Risk> create_risk(const core::Risk& risk) = 0;
  virtual Result<core::Risk> update_risk(const core::Risk& risk) = 0;  // checks version
  virtual Result<core::Risk> risk(std::int64_t id) = 0;
  virtual Result<core::Risk> risk(std::int64_t organization, const std::string& ref) = 0;
  virtual Result<util::Paged<core::Risk>> risks(std::int64_t organization,
                                                const core::RiskQuery& query) = 0;
  // Counts per cell of the open risks (one GROUP BY per score), under every criteria version.
  virtual Result<core::HeatMap> heat_map(std::int64_t organization,
                                         const std::string& criteria) = 0;
  // Writes many assets and risks in one transaction (an import): all of them or none. Assets
  // first (links between them resolved by ref within the batch and the store), then risks.
  virtual Result<std::pair<std::size_t, std::size_t>> import_register(
      std::int64_t organization, const std::vector<core::Asset>& assets,
      const std::vector<std::pair<std::string, std::vector<std::string>>>& asset_links,
      const std::vector<core::Risk>& risks,
      const std::vector<std::vector<std::string>>& risk_asset_refs) = 0;

  // --- decisions ---
  // Recorded now (decided_at empty) or at the time given; decided_by empty: the actor.
  virtual Result<core::Decision> add_decision(const core::Decision& decision) = 0;
  virtual Result<core::Decision> revoke_decision(std::int64_t id) = 0;
  virtual Result<std::vector<core::Decision>> decisions(std::int64_t risk) = 0;
  // Every decision on the organization's risks, newest first.
  virtual Result<std::vector<core::Decision>> organization_decisions(std::int64_t organization) = 0;
  // Every decision on the risks `risks` (a page of the register), newest first, in one query.
  virtual Result<std::vector<core::Decision>> decisions_of(
      const std::vector<std::int64_t>& risks) = 0;

  // --- the Statement of Applicability ---
  // The refs of the open risks whose treatment plan names each control (by the control's text),
  // in the register's order (by ref): what the SoA needs of the register, without reading the
  // risks.
  virtual Result<std::map<std::string, std::vector<std::string>>> treatment_controls(
      std::int64_t organization) = 0;
  virtual Result<std::vector<core::SoaVersion>> soa_versions(std::int64_t organization) = 0;
  // One version (number 0: the newest) with its rows; k_not_found when none.
  virtual Result<SoaState> soa(std::int64_t organization, int number) = 0;
  // Writes one row of the newest version. When there is none, version 1 is started as a draft;
  // when the newest is approved, the next version is started as a draft copying its rows (with
  // their versions). `expected_version` is the row's version as read (0: a row never stored in
  // that version). In one transaction. Returns the row and the version it was written to.
  // A version stores the rows written to it; the others read as the workspace's defaults.
  virtual Result<std::pair<core::SoaRow, core::SoaVersion>> put_soa_row(
      std::int64_t organization, const core::SoaRow& row, std::int64_t expected_version) = 0;
  // Approves the newest version, which must be the draft `number` (or, when the organization has
  // none, starts version 1 to approve it): the rows of `seed` it does not store are stored as
  // they are, so that the approved version is whole and frozen.
  virtual Result<core::SoaVersion> approve_soa(std::int64_t organization, int number,
                                               const std::string& note,
                                               const std::vector<core::SoaRow>& seed) = 0;

  // --- baselines ---
  virtual Result<Baseline> create_baseline(const Baseline& baseline) = 0;
  virtual Result<std::vector<Baseline>> baselines(std::int64_t organization) = 0;  // no content
  virtual Result<Baseline> baseline(std::int64_t organization, const std::string& name) = 0;
};

}  // namespace cyberframe::store
