// The SQL of risk management's repository (risk_store.hpp), on the store's unit of work.

#include "store/risk_store.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "codec/risk_json.hpp"
#include "core/input_rules.hpp"
#include "store/unit_of_work.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"

namespace cyberframe::store {

using sql::Statement;
using util::ErrorCode;
using util::fail;

namespace {

std::string join(const std::vector<std::string>& parts, char sep = ',') {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::vector<std::string> split(const std::string& text, char sep = ',') {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::size_t start = 0;
  while (true) {
    auto end = text.find(sep, start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);  // numbers only: nothing a caller typed reaches the text
  }
  return out;
}

// The records as the audit trail keeps them: their one JSON form (codec/risk_json.hpp).

std::string reasons_text(const std::set<core::SoaReason>& reasons) {
  std::vector<std::string> out;
  for (auto r : reasons) out.emplace_back(core::to_string(r));
  return join(out);
}

constexpr const char* k_asset_columns =
    "id, organization, ref, name, kind, description, owner, parent, confidentiality, integrity, "
    "availability, rto_hours, rpo_hours, retired, version, updated_at, updated_by";

core::Asset read_asset(Statement& st) {
  core::Asset a;
  a.id = st.integer(0);
  a.organization = st.integer(1);
  a.ref = st.text(2);
  a.name = st.text(3);
  a.kind = core::parse_asset_kind(st.text(4)).value_or(core::AssetKind::k_information);
  a.description = st.text(5);
  a.owner = st.text(6);
  if (!st.is_null(7)) a.parent = st.integer(7);
  a.confidentiality = static_cast<int>(st.integer(8));
  a.integrity = static_cast<int>(st.integer(9));
  a.availability = static_cast<int>(st.integer(10));
  if (!st.is_null(11)) a.rto_hours = static_cast<int>(st.integer(11));
  if (!st.is_null(12)) a.rpo_hours = static_cast<int>(st.integer(12));
  a.retired = st.integer(13) != 0;
  a.version = st.integer(14);
  a.updated_at = st.text(15);
  a.updated_by = st.text(16);
  return a;
}

constexpr const char* k_risk_columns =
    "id, organization, ref, title, description, threat, vulnerability, consequence_types, "
    "criteria, criteria_version, inherent_likelihood, inherent_consequence, current_likelihood, "
    "current_consequence, residual_likelihood, residual_consequence, owner, treatment, status, "
    "review_date, closed, version, updated_at, updated_by";

core::Risk read_risk(Statement& st) {
  core::Risk r;
  r.id = st.integer(0);
  r.organization = st.integer(1);
  r.ref = st.text(2);
  r.title = st.text(3);
  r.description = st.text(4);
  r.threat = st.text(5);
  r.vulnerability = st.text(6);
  r.consequence_types = split(st.text(7));
  r.criteria = st.text(8);
  r.criteria_version = st.integer(9);
  r.inherent = {static_cast<int>(st.integer(10)), static_cast<int>(st.integer(11))};
  r.current = {static_cast<int>(st.integer(12)), static_cast<int>(st.integer(13))};
  r.residual = {static_cast<int>(st.integer(14)), static_cast<int>(st.integer(15))};
  r.owner = st.text(16);
  r.treatment = core::parse_treatment(st.text(17)).value_or(core::Treatment::k_none);
  r.status = core::parse_risk_status(st.text(18)).value_or(core::RiskStatus::k_identified);
  r.review_date = st.text(19);
  r.closed = st.integer(20) != 0;
  r.version = st.integer(21);
  r.updated_at = st.text(22);
  r.updated_by = st.text(23);
  return r;
}

constexpr const char* k_control_columns =
    "id, organization, ref, title, description, owner, outcomes, retired, version, updated_at, "
    "updated_by";

core::Control read_control(Statement& st) {
  core::Control c;
  c.id = st.integer(0);
  c.organization = st.integer(1);
  c.ref = st.text(2);
  c.title = st.text(3);
  c.description = st.text(4);
  c.owner = st.text(5);
  auto outcomes = nlohmann::json::parse(st.text(6), nullptr, false);
  if (outcomes.is_array())
    for (const auto& o : outcomes)
      if (o.is_string()) c.outcomes.push_back(o.get<std::string>());
  c.retired = st.integer(7) != 0;
  c.version = st.integer(8);
  c.updated_at = st.text(9);
  c.updated_by = st.text(10);
  return c;
}

constexpr const char* k_decision_columns =
    "id, risk, kind, decided_by, decided_at, justification, expires, state_hash, revoked, "
    "revoked_by, revoked_at";

core::Decision read_decision(Statement& st) {
  core::Decision d;
  d.id = st.integer(0);
  d.risk = st.integer(1);
  d.kind = core::parse_decision_kind(st.text(2)).value_or(core::DecisionKind::k_plan_approval);
  d.decided_by = st.text(3);
  d.decided_at = st.text(4);
  d.justification = st.text(5);
  d.expires = st.text(6);
  d.state_hash = st.text(7);
  d.revoked = st.integer(8) != 0;
  d.revoked_by = st.text(9);
  d.revoked_at = st.text(10);
  return d;
}

core::SoaVersion read_soa_version(Statement& st) {
  core::SoaVersion v;
  v.id = st.integer(0);
  v.organization = st.integer(1);
  v.number = static_cast<int>(st.integer(2));
  v.status = st.text(3) == "approved" ? core::SoaStatus::k_approved : core::SoaStatus::k_draft;
  v.created_at = st.text(4);
  v.created_by = st.text(5);
  v.approved_at = st.text(6);
  v.approved_by = st.text(7);
  v.approval_note = st.text(8);
  return v;
}

constexpr const char* k_soa_version_columns =
    "id, organization, number, status, created_at, created_by, approved_at, approved_by, "
    "approval_note";

core::SoaRow read_soa_row(Statement& st) {
  core::SoaRow r;
  r.control = st.text(0);
  r.applicable = st.integer(1) != 0;
  for (const auto& x : split(st.text(2)))
    if (auto reason = core::parse_soa_reason(x)) r.reasons.insert(*reason);
  r.justification = st.text(3);
  r.owner = st.text(4);
  r.notes = st.text(5);
  r.version = st.integer(6);
  r.updated_at = st.text(7);
  r.updated_by = st.text(8);
  return r;
}

constexpr const char* k_soa_row_columns =
    "control, applicable, reasons, justification, owner, notes, version, updated_at, updated_by";

class SqlRiskStore final : public RiskStore {
 public:
  explicit SqlRiskStore(UnitOfWork& work) : m_work(work), m_db(work.db()) {}

  // --- criteria ---------------------------------------------------------------------------

  Result<core::RiskCriteria> save_criteria(const core::RiskCriteria& criteria,
                                           const std::string& definition,
                                           std::int64_t expected_version) override {
    core::RiskCriteria out = criteria;
    auto r = m_work.write([&]() -> Result<void> {
      auto now = util::now_utc();
      std::int64_t row_id = 0;
      std::string before = "null";
      if (expected_version == 0) {
        Statement st(m_db,
                     "INSERT INTO risk_criteria (organization, criteria, name, version, "
                     "definition, updated_at, updated_by) VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6) "
                     "RETURNING id");
        st.bind(1, criteria.organization).bind(2, criteria.id).bind(3, util::trim(criteria.name));
        st.bind(4, definition).bind(5, now).bind(6, m_work.actor());
        int rc = st.step();
        if (rc == sql::k_constraint && m_db->last_constraint() == sql::Constraint::k_unique)
          return fail(ErrorCode::k_conflict,
                      "risk criteria '" + criteria.id + "' already exist; choose another id");
        if (rc != sql::k_row) return std::unexpected(m_work.db_error("storing the criteria"));
        row_id = st.integer(0);
        out.version = 1;
      } else {
        Statement cur(m_db,
                      "SELECT id, version, definition, organization, updated_by, updated_at "
                      "FROM risk_criteria WHERE criteria = ?1");
        cur.bind(1, criteria.id);
        auto row = cur.row();
        if (!row) return std::unexpected(row.error());
        if (!*row) return fail(ErrorCode::k_not_found, "no risk criteria '" + criteria.id + "'");
        row_id = cur.integer(0);
        if (cur.integer(3) != criteria.organization)
          return fail(ErrorCode::k_invalid_input,
                      "risk criteria '" + criteria.id + "' belong to another organization");
        if (cur.integer(1) != expected_version)
          return fail(ErrorCode::k_conflict,
                      "risk criteria '" + criteria.id + "' were changed by " + cur.text(4) +
                          " at " + cur.text(5) + " since you read them (version " +
                          std::to_string(cur.integer(1)) + ", you read version " +
                          std::to_string(expected_version) + "); reload and try again");
        before = cur.text(2);
        Statement st(m_db,
                     "UPDATE risk_criteria SET name = ?2, version = version + 1, definition = "
                     "?3, updated_at = ?4, updated_by = ?5 WHERE id = ?1 AND version = ?6");
        st.bind(1, row_id).bind(2, util::trim(criteria.name)).bind(3, definition);
        st.bind(4, now).bind(5, m_work.actor()).bind(6, expected_version);
        if (st.step() != sql::k_done || m_db->changes() != 1)
          return std::unexpected(m_work.db_error("storing the criteria"));
        out.version = expected_version + 1;
      }
      Statement v(m_db,
                  "INSERT INTO risk_criteria_version (criteria, version, definition, created_at, "
                  "created_by) VALUES (?1, ?2, ?3, ?4, ?5)");
      v.bind(1, row_id).bind(2, out.version).bind(3, definition).bind(4, now);
      v.bind(5, m_work.actor());
      if (v.step() != sql::k_done)
        return std::unexpected(m_work.db_error("storing the criteria's version"));
      out.updated_at = now;
      out.updated_by = m_work.actor();
      return m_work.audit("criteria", criteria.id, expected_version == 0 ? "create" : "update",
                          before, definition);
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<std::string> criteria_definition(const std::string& criteria,
                                          std::int64_t version) override {
    Statement st(m_db,
                 version == 0
                     ? "SELECT definition FROM risk_criteria WHERE criteria = ?1"
                     : "SELECT v.definition FROM risk_criteria_version v JOIN risk_criteria c "
                       "ON c.id = v.criteria WHERE c.criteria = ?1 AND v.version = ?2");
    st.bind(1, criteria);
    if (version != 0) st.bind(2, version);
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    if (!*row)
      return fail(ErrorCode::k_not_found,
                  "no risk criteria '" + criteria + "'" +
                      (version ? " at version " + std::to_string(version) : std::string()));
    return st.text(0);
  }

  Result<std::vector<core::RiskCriteria>> criteria_list(std::int64_t organization) override {
    Statement st(m_db,
                 "SELECT criteria, name, version, organization, updated_at, updated_by FROM "
                 "risk_criteria WHERE organization = ?1 ORDER BY criteria");
    st.bind(1, organization);
    std::vector<core::RiskCriteria> out;
    while (st.next()) {
      core::RiskCriteria c;
      c.id = st.text(0);
      c.name = st.text(1);
      c.version = st.integer(2);
      c.organization = st.integer(3);
      c.updated_at = st.text(4);
      c.updated_by = st.text(5);
      out.push_back(std::move(c));
    }
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  // --- assets -----------------------------------------------------------------------------

  // Inside a write: the other assets an asset links to are the organization's, and the parent
  // chain never comes back to it.
  Result<void> check_asset_links(const core::Asset& a) {
    std::vector<std::int64_t> ids = a.depends_on;
    if (a.parent) ids.push_back(*a.parent);
    if (ids.empty()) return {};
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    Statement st(
        m_db,
        ("SELECT id FROM asset WHERE organization = ?1 AND id IN (" + id_list(ids) + ")").c_str());
    st.bind(1, a.organization);
    std::set<std::int64_t> found;
    while (st.next()) found.insert(st.integer(0));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    for (auto id : ids)
      if (!found.contains(id))
        return util::fail_field(ErrorCode::k_invalid_input,
                                "asset " + a.ref + " links to asset " + std::to_string(id) +
                                    ", which is not an asset of its organization",
                                a.parent == id ? "parent" : "depends_on");
    if (a.parent && a.id != 0) {
      // Walk up from the parent: reaching the asset itself would make a cycle.
      std::int64_t at = *a.parent;
      for (int hops = 0; hops < 10000; ++hops) {
        if (at == a.id)
          return util::fail_field(
              ErrorCode::k_invalid_input,
              "asset " + a.ref + " cannot be under itself (its parent chain comes back to it)",
              "parent");
        Statement up(m_db, "SELECT parent FROM asset WHERE id = ?1");
        up.bind(1, at);
        auto row = up.row();
        if (!row) return std::unexpected(row.error());
        if (!*row || up.is_null(0)) break;
        at = up.integer(0);
      }
    }
    return {};
  }

  Result<void> write_dependencies(const core::Asset& a) {
    Statement del(m_db, "DELETE FROM asset_dependency WHERE asset = ?1");
    del.bind(1, a.id);
    if (del.step() != sql::k_done)
      return std::unexpected(m_work.db_error("storing the asset's dependencies"));
    for (auto d : a.depends_on) {
      Statement ins(m_db,
                    "INSERT INTO asset_dependency (asset, depends_on) VALUES (?1, ?2) "
                    "ON CONFLICT DO NOTHING");
      ins.bind(1, a.id).bind(2, d);
      if (ins.step() != sql::k_done)
        return std::unexpected(m_work.db_error("storing the asset's dependencies"));
    }
    return {};
  }

  Result<void> ref_taken(const std::string& what, const std::string& ref) {
    return util::fail_field(ErrorCode::k_conflict,
                            what + " ref '" + ref +
                                "' is already used in the organization (refs are "
                                "unique without regard to case)",
                            "ref");
  }

  // Inside a write.
  Result<core::Asset> insert_asset(const core::Asset& asset) {
    if (auto v = core::validate(asset); !v) return std::unexpected(v.error());
    if (auto l = check_asset_links(asset); !l) return std::unexpected(l.error());
    auto now = util::now_utc();
    Statement st(m_db,
                 "INSERT INTO asset (organization, ref, ref_key, name, kind, description, owner, "
                 "parent, confidentiality, integrity, availability, rto_hours, rpo_hours, "
                 "retired, version, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                 "?8, ?9, ?10, ?11, ?12, ?13, ?14, 1, ?15, ?16) RETURNING id");
    bind_asset(st, asset);
    st.bind(15, now).bind(16, m_work.actor());
    int rc = st.step();
    if (rc == sql::k_constraint && m_db->last_constraint() == sql::Constraint::k_unique) {
      auto r = ref_taken("asset", asset.ref);
      return std::unexpected(r.error());
    }
    if (rc != sql::k_row) return std::unexpected(m_work.db_error("storing the asset"));
    core::Asset out = asset;
    out.id = st.integer(0);
    out.ref = util::trim(asset.ref);
    out.name = util::trim(asset.name);
    out.version = 1;
    out.updated_at = now;
    out.updated_by = m_work.actor();
    if (auto d = write_dependencies(out); !d) return std::unexpected(d.error());
    if (auto a = m_work.audit("asset", std::to_string(out.id), "create", "null",
                              codec::to_json(out).dump());
        !a)
      return std::unexpected(a.error());
    return out;
  }

  void bind_asset(Statement& st, const core::Asset& a) {
    auto ref = util::trim(a.ref);
    st.bind(1, a.organization).bind(2, ref).bind(3, util::caseless_key(ref));
    st.bind(4, util::trim(a.name)).bind(5, std::string(core::to_string(a.kind)));
    st.bind(6, a.description).bind(7, util::trim(a.owner));
    if (a.parent)
      st.bind(8, *a.parent);
    else
      st.bind(8, std::optional<int>());
    st.bind(9, std::int64_t{a.confidentiality}).bind(10, std::int64_t{a.integrity});
    st.bind(11, std::int64_t{a.availability}).bind(12, a.rto_hours).bind(13, a.rpo_hours);
    st.bind(14, std::int64_t{a.retired ? 1 : 0});
  }

  Result<core::Asset> create_asset(const core::Asset& asset) override {
    core::Asset out;
    auto r = m_work.write([&]() -> Result<void> {
      auto a = insert_asset(asset);
      if (!a) return std::unexpected(a.error());
      out = std::move(*a);
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::Asset> update_asset(const core::Asset& asset) override {
    if (auto v = core::validate(asset); !v) return std::unexpected(v.error());
    core::Asset out;
    auto r = m_work.write([&]() -> Result<void> {
      auto before = asset_by_id(asset.id);
      if (!before) return std::unexpected(before.error());
      if (before->organization != asset.organization)
        return fail(ErrorCode::k_not_found, "no asset " + std::to_string(asset.id));
      if (before->version != asset.version)
        return stale("asset " + before->ref, before->updated_by, before->updated_at,
                     before->version, asset.version);
      if (auto l = check_asset_links(asset); !l) return l;
      auto now = util::now_utc();
      Statement st(m_db,
                   "UPDATE asset SET organization = ?1, ref = ?2, ref_key = ?3, name = ?4, kind "
                   "= ?5, description = ?6, owner = ?7, parent = ?8, confidentiality = ?9, "
                   "integrity = ?10, availability = ?11, rto_hours = ?12, rpo_hours = ?13, "
                   "retired = ?14, version = version + 1, updated_at = ?15, updated_by = ?16 "
                   "WHERE id = ?17 AND version = ?18");
      bind_asset(st, asset);
      st.bind(15, now).bind(16, m_work.actor()).bind(17, asset.id).bind(18, asset.version);
      int rc = st.step();
      if (rc == sql::k_constraint && m_db->last_constraint() == sql::Constraint::k_unique)
        return ref_taken("asset", asset.ref);
      if (rc != sql::k_done || m_db->changes() != 1)
        return std::unexpected(m_work.db_error("updating the asset"));
      out = asset;
      out.ref = util::trim(asset.ref);
      out.name = util::trim(asset.name);
      out.version = asset.version + 1;
      out.updated_at = now;
      out.updated_by = m_work.actor();
      if (auto d = write_dependencies(out); !d) return d;
      return m_work.audit("asset", std::to_string(out.id), "update", codec::to_json(*before).dump(),
                          codec::to_json(out).dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<void> stale(const std::string& what, const std::string& by, const std::string& at,
                     std::int64_t stored, std::int64_t read) {
    return fail(ErrorCode::k_conflict, what + " was changed by " + by + " at " + at +
                                           " since you read it (version " + std::to_string(stored) +
                                           ", you read version " + std::to_string(read) +
                                           "); reload it and try again");
  }

  Result<void> load_dependencies(std::vector<core::Asset>& assets) {
    if (assets.empty()) return {};
    std::vector<std::int64_t> ids;
    std::map<std::int64_t, core::Asset*> by_id;
    for (auto& a : assets) {
      ids.push_back(a.id);
      by_id[a.id] = &a;
    }
    Statement st(m_db, ("SELECT asset, depends_on FROM asset_dependency WHERE asset IN (" +
                        id_list(ids) + ") ORDER BY asset, depends_on")
                           .c_str());
    while (st.next()) by_id[st.integer(0)]->depends_on.push_back(st.integer(1));
    return st.finished();
  }

  Result<std::vector<core::Asset>> assets_where(const std::string& where,
                                                const std::function<void(Statement&)>& bind,
                                                const std::string& tail = "") {
    Statement st(
        m_db,
        ("SELECT " + std::string(k_asset_columns) + " FROM asset WHERE " + where + tail).c_str());
    bind(st);
    std::vector<core::Asset> out;
    while (st.next()) out.push_back(read_asset(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    if (auto d = load_dependencies(out); !d) return std::unexpected(d.error());
    return out;
  }

  Result<core::Asset> asset_by_id(std::int64_t id) {
    auto found = assets_where("id = ?1", [&](Statement& st) { st.bind(1, id); });
    if (!found) return std::unexpected(found.error());
    if (found->empty()) return fail(ErrorCode::k_not_found, "no asset " + std::to_string(id));
    return std::move(found->front());
  }

  Result<core::Asset> asset(std::int64_t id) override { return asset_by_id(id); }

  Result<std::map<std::int64_t, std::string>> asset_refs(
      const std::vector<std::int64_t>& ids) override {
    std::map<std::int64_t, std::string> out;
    if (ids.empty()) return out;
    Statement st(m_db, ("SELECT id, ref FROM asset WHERE id IN (" + id_list(ids) + ")").c_str());
    while (st.next()) out.emplace(st.integer(0), st.text(1));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<core::Asset> asset(std::int64_t organization, const std::string& ref) override {
    bool by_id = core::is_id_reference(ref);
    auto found =
        assets_where(by_id ? "organization = ?1 AND id = ?2" : "organization = ?1 AND ref_key = ?2",
                     [&](Statement& st) {
                       st.bind(1, organization);
                       if (by_id)
                         st.bind(2, std::stoll(ref));
                       else
                         st.bind(2, util::caseless_key(util::trim(ref)));
                     });
    if (!found) return std::unexpected(found.error());
    if (found->empty())
      return fail(ErrorCode::k_not_found, "no asset '" + ref + "' in the organization");
    return std::move(found->front());
  }

  Result<std::size_t> count(const std::string& sql, const std::function<void(Statement&)>& bind) {
    Statement st(m_db, sql.c_str());
    bind(st);
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    return *row ? static_cast<std::size_t>(st.integer(0)) : 0;
  }

  Result<util::Paged<core::Asset>> assets(std::int64_t organization,
                                          const core::AssetQuery& q) override {
    std::string where =
        "organization = ?1 AND (?2 = '%%' OR lower(ref) LIKE ?2 ESCAPE '\\' OR lower(name) LIKE "
        "?2 ESCAPE '\\' OR lower(owner) LIKE ?2 ESCAPE '\\') AND (?3 = '' OR kind = ?3) AND (?4 = "
        "'' OR owner = ?4) AND (?5 = 1 OR retired = 0)";
    auto pattern = sql::like_pattern(q.text);
    auto bind = [&](Statement& st) {
      st.bind(1, organization).bind(2, pattern);
      st.bind(3, q.kind ? std::string(core::to_string(*q.kind)) : std::string());
      st.bind(4, q.owner).bind(5, std::int64_t{q.include_retired ? 1 : 0});
    };
    util::Paged<core::Asset> out;
    auto total = count("SELECT count(*) FROM asset WHERE " + where, bind);
    if (!total) return std::unexpected(total.error());
    out.total = *total;
    auto page = assets_where(where, bind, " ORDER BY ref_key, id" + q.slice.sql());
    if (!page) return std::unexpected(page.error());
    out.items = std::move(*page);
    return out;
  }

  // --- own controls -----------------------------------------------------------------------

  void bind_control(Statement& st, const core::Control& c) {
    auto ref = util::trim(c.ref);
    st.bind(1, c.organization).bind(2, ref).bind(3, util::caseless_key(ref));
    st.bind(4, util::trim(c.title)).bind(5, c.description).bind(6, util::trim(c.owner));
    st.bind(7, nlohmann::json(c.outcomes).dump()).bind(8, std::int64_t{c.retired ? 1 : 0});
  }

  Result<core::Control> create_control(const core::Control& control) override {
    if (auto v = core::validate(control); !v) return std::unexpected(v.error());
    core::Control out = control;
    auto r = m_work.write([&]() -> Result<void> {
      auto now = util::now_utc();
      Statement st(m_db,
                   "INSERT INTO own_control (organization, ref, ref_key, title, description, "
                   "owner, outcomes, retired, version, updated_at, updated_by) VALUES (?1, ?2, "
                   "?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10) RETURNING id");
      bind_control(st, control);
      st.bind(9, now).bind(10, m_work.actor());
      int rc = st.step();
      if (rc == sql::k_constraint && m_db->last_constraint() == sql::Constraint::k_unique)
        return ref_taken("control", control.ref);
      if (rc != sql::k_row) return std::unexpected(m_work.db_error("storing the control"));
      out.id = st.integer(0);
      out.ref = util::trim(control.ref);
      out.title = util::trim(control.title);
      out.version = 1;
      out.updated_at = now;
      out.updated_by = m_work.actor();
      return m_work.audit("control", std::to_string(out.id), "create", "null",
                          codec::to_json(out).dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::Control> update_control(const core::Control& control) override {
    if (auto v = core::validate(control); !v) return std::unexpected(v.error());
    core::Control out = control;
    auto r = m_work.write([&]() -> Result<void> {
      auto before = controls_where("id = ?1", [&](Statement& st) { st.bind(1, control.id); });
      if (!before) return std::unexpected(before.error());
      if (before->empty() || before->front().organization != control.organization)
        return fail(ErrorCode::k_not_found, "no control " + std::to_string(control.id));
      const auto& b = before->front();
      if (b.version != control.version)
        return stale("control " + b.ref, b.updated_by, b.updated_at, b.version, control.version);
      auto now = util::now_utc();
      Statement st(m_db,
                   "UPDATE own_control SET organization = ?1, ref = ?2, ref_key = ?3, title = "
                   "?4, description = ?5, owner = ?6, outcomes = ?7, retired = ?8, version = "
                   "version + 1, updated_at = ?9, updated_by = ?10 WHERE id = ?11 AND version = "
                   "?12");
      bind_control(st, control);
      st.bind(9, now).bind(10, m_work.actor()).bind(11, control.id).bind(12, control.version);
      int rc = st.step();
      if (rc == sql::k_constraint && m_db->last_constraint() == sql::Constraint::k_unique)
        return ref_taken("control", control.ref);
      if (rc != sql::k_done || m_db->changes() != 1)
        return std::unexpected(m_work.db_error("updating the control"));
      out.version = control.version + 1;
      out.updated_at = now;
      out.updated_by = m_work.actor();
      return m_work.audit("control", std::to_string(out.id), "update", codec::to_json(b).dump(),
                          codec::to_json(out).dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<std::vector<core::Control>> controls_where(const std::string& where,
                                                    const std::function<void(Statement&)>& bind) {
    Statement st(m_db, ("SELECT " + std::string(k_control_columns) + " FROM own_control WHERE " +
                        where + " ORDER BY ref_key")
                           .c_str());
    bind(st);
    std::vector<core::Control> out;
    while (st.next()) out.push_back(read_control(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<core::Control> control(std::int64_t organization, const std::string& ref) override {
    auto found = controls_where("organization = ?1 AND ref_key = ?2", [&](Statement& st) {
      st.bind(1, organization).bind(2, util::caseless_key(util::trim(ref)));
    });
    if (!found) return std::unexpected(found.error());
    if (found->empty())
      return fail(ErrorCode::k_not_found, "no control '" + ref + "' of the organization");
    return std::move(found->front());
  }

  Result<std::vector<core::Control>> controls(std::int64_t organization) override {
    return controls_where("organization = ?1", [&](Statement& st) { st.bind(1, organization); });
  }

  // --- risks ------------------------------------------------------------------------------

  // Inside a write: the assets and actions a risk names are the organization's.
  Result<void> check_risk_links(const core::Risk& r) {
    auto check = [&](const std::vector<std::int64_t>& ids, const char* table,
                     const std::string& what) -> Result<void> {
      if (ids.empty()) return {};
      std::vector<std::int64_t> sorted = ids;
      std::sort(sorted.begin(), sorted.end());
      sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
      Statement st(m_db, ("SELECT id FROM " + std::string(table) +
                          " WHERE organization = ?1 AND id IN (" + id_list(sorted) + ")")
                             .c_str());
      st.bind(1, r.organization);
      std::set<std::int64_t> found;
      while (st.next()) found.insert(st.integer(0));
      if (auto end = st.finished(); !end) return end;
      for (auto id : sorted)
        if (!found.contains(id))
          return util::fail_field(ErrorCode::k_invalid_input,
                                  "risk " + r.ref + " names " + what + " " + std::to_string(id) +
                                      ", which is not one of its organization's",
                                  what + "s");
      return {};
    };
    if (auto a = check(r.assets, "asset", "asset"); !a) return a;
    return check(r.actions, "action", "action");
  }

  Result<void> write_risk_links(const core::Risk& r) {
    for (const char* table : {"risk_asset", "risk_control", "risk_action"}) {
      Statement del(m_db, ("DELETE FROM " + std::string(table) + " WHERE risk = ?1").c_str());
      del.bind(1, r.id);
      if (del.step() != sql::k_done)
        return std::unexpected(m_work.db_error("storing the risk's links"));
    }
    auto insert = [&](const char* sql, auto bind) -> Result<void> {
      Statement st(m_db, sql);
      st.bind(1, r.id);
      bind(st);
      if (st.step() != sql::k_done)
        return std::unexpected(m_work.db_error("storing the risk's links"));
      return {};
    };
    for (auto a : r.assets)
      if (auto w = insert("INSERT INTO risk_asset (risk, asset) VALUES (?1, ?2) ON CONFLICT DO "
                          "NOTHING",
                          [&](Statement& st) { st.bind(2, a); });
          !w)
        return w;
    for (const auto& c : r.controls)
      if (auto w = insert("INSERT INTO risk_control (risk, control) VALUES (?1, ?2) ON CONFLICT "
                          "DO NOTHING",
                          [&](Statement& st) { st.bind(2, core::to_string(c)); });
          !w)
        return w;
    for (auto a : r.actions)
      if (auto w = insert("INSERT INTO risk_action (risk, action) VALUES (?1, ?2) ON CONFLICT DO "
                          "NOTHING",
                          [&](Statement& st) { st.bind(2, a); });
          !w)
        return w;
    return {};
  }

  void bind_risk(Statement& st, const core::Risk& r) {
    auto ref = util::trim(r.ref);
    st.bind(1, r.organization).bind(2, ref).bind(3, util::caseless_key(ref));
    st.bind(4, util::trim(r.title)).bind(5, r.description).bind(6, util::trim(r.threat));
    st.bind(7, r.vulnerability).bind(8, join(r.consequence_types)).bind(9, r.criteria);
    st.bind(10, r.criteria_version);
    st.bind(11, std::int64_t{r.inherent.likelihood}).bind(12, std::int64_t{r.inherent.consequence});
    st.bind(13, std::int64_t{r.current.likelihood}).bind(14, std::int64_t{r.current.consequence});
    st.bind(15, std::int64_t{r.residual.likelihood}).bind(16, std::int64_t{r.residual.consequence});
    st.bind(17, util::trim(r.owner)).bind(18, std::string(core::to_string(r.treatment)));
    st.bind(19, std::string(core::to_string(r.status))).bind(20, r.review_date);
    st.bind(21, std::int64_t{r.closed ? 1 : 0});
  }

  // Inside a write.
  Result<core::Risk> insert_risk(const core::Risk& risk) {
    if (auto l = check_risk_links(risk); !l) return std::unexpected(l.error());
    auto now = util::now_utc();
    Statement st(m_db,
                 "INSERT INTO risk (organization, ref, ref_key, title, description, threat, "
                 "vulnerability, consequence_types, criteria, criteria_version, "
                 "inherent_likelihood, inherent_consequence, current_likelihood, "
                 "current_consequence, residual_likelihood, residual_consequence, owner, "
                 "treatment, status, review_date, closed, version, updated_at, updated_by) VALUES "
                 "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                 "?18, ?19, ?20, ?21, 1, ?22, ?23) RETURNING id");
    bind_risk(st, risk);
    st.bind(22, now).bind(23, m_work.actor());
    int rc = st.step();
    if (rc == sql::k_constraint && m_db->last_constraint() == sql::Constraint::k_unique) {
      auto e = ref_taken("risk", risk.ref);
      return std::unexpected(e.error());
    }
    if (rc != sql::k_row) return std::unexpected(m_work.db_error("storing the risk"));
    core::Risk out = normalised(risk);
    out.id = st.integer(0);
    out.version = 1;
    out.updated_at = now;
    out.updated_by = m_work.actor();
    if (auto l = write_risk_links(out); !l) return std::unexpected(l.error());
    if (auto a = m_work.audit("risk", std::to_string(out.id), "create", "null",
                              codec::to_json(out).dump());
        !a)
      return std::unexpected(a.error());
    return out;
  }

  static core::Risk normalised(const core::Risk& risk) {
    core::Risk out = risk;
    out.ref = util::trim(risk.ref);
    out.title = util::trim(risk.title);
    out.owner = util::trim(risk.owner);
    out.threat = util::trim(risk.threat);
    std::sort(out.assets.begin(), out.assets.end());
    out.assets.erase(std::unique(out.assets.begin(), out.assets.end()), out.assets.end());
    std::sort(out.actions.begin(), out.actions.end());
    out.actions.erase(std::unique(out.actions.begin(), out.actions.end()), out.actions.end());
    std::sort(out.controls.begin(), out.controls.end(),
              [](const auto& a, const auto& b) { return core::to_string(a) < core::to_string(b); });
    out.controls.erase(std::unique(out.controls.begin(), out.controls.end()), out.controls.end());
    return out;
  }

  Result<core::Risk> create_risk(const core::Risk& risk) override {
    core::Risk out;
    auto r = m_work.write([&]() -> Result<void> {
      auto stored = insert_risk(risk);
      if (!stored) return std::unexpected(stored.error());
      out = std::move(*stored);
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::Risk> update_risk(const core::Risk& risk) override {
    core::Risk out;
    auto r = m_work.write([&]() -> Result<void> {
      auto before = risk_by_id(risk.id);
      if (!before) return std::unexpected(before.error());
      if (before->organization != risk.organization)
        return fail(ErrorCode::k_not_found, "no risk " + std::to_string(risk.id));
      if (before->version != risk.version)
        return stale("risk " + before->ref, before->updated_by, before->updated_at, before->version,
                     risk.version);
      if (auto l = check_risk_links(risk); !l) return l;
      auto now = util::now_utc();
      Statement st(m_db,
                   "UPDATE risk SET organization = ?1, ref = ?2, ref_key = ?3, title = ?4, "
                   "description = ?5, threat = ?6, vulnerability = ?7, consequence_types = ?8, "
                   "criteria = ?9, criteria_version = ?10, inherent_likelihood = ?11, "
                   "inherent_consequence = ?12, current_likelihood = ?13, current_consequence = "
                   "?14, residual_likelihood = ?15, residual_consequence = ?16, owner = ?17, "
                   "treatment = ?18, status = ?19, review_date = ?20, closed = ?21, version = "
                   "version + 1, updated_at = ?22, updated_by = ?23 WHERE id = ?24 AND version = "
                   "?25");
      bind_risk(st, risk);
      st.bind(22, now).bind(23, m_work.actor()).bind(24, risk.id).bind(25, risk.version);
      int rc = st.step();
      if (rc == sql::k_constraint && m_db->last_constraint() == sql::Constraint::k_unique)
        return ref_taken("risk", risk.ref);
      if (rc != sql::k_done || m_db->changes() != 1)
        return std::unexpected(m_work.db_error("updating the risk"));
      out = normalised(risk);
      out.version = risk.version + 1;
      out.updated_at = now;
      out.updated_by = m_work.actor();
      if (auto l = write_risk_links(out); !l) return l;
      return m_work.audit("risk", std::to_string(out.id), "update", codec::to_json(*before).dump(),
                          codec::to_json(out).dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<void> load_risk_links(std::vector<core::Risk>& risks) {
    if (risks.empty()) return {};
    std::vector<std::int64_t> ids;
    std::map<std::int64_t, core::Risk*> by_id;
    for (auto& r : risks) {
      ids.push_back(r.id);
      by_id[r.id] = &r;
    }
    auto list = id_list(ids);
    {
      Statement st(m_db, ("SELECT risk, asset FROM risk_asset WHERE risk IN (" + list +
                          ") ORDER BY risk, asset")
                             .c_str());
      while (st.next()) by_id[st.integer(0)]->assets.push_back(st.integer(1));
      if (auto end = st.finished(); !end) return end;
    }
    {
      Statement st(m_db, ("SELECT risk, control FROM risk_control WHERE risk IN (" + list +
                          ") ORDER BY risk, control")
                             .c_str());
      while (st.next())
        by_id[st.integer(0)]->controls.push_back(core::parse_control_link(st.text(1)));
      if (auto end = st.finished(); !end) return end;
    }
    Statement st(m_db, ("SELECT risk, action FROM risk_action WHERE risk IN (" + list +
                        ") ORDER BY risk, action")
                           .c_str());
    while (st.next()) by_id[st.integer(0)]->actions.push_back(st.integer(1));
    return st.finished();
  }

  Result<std::vector<core::Risk>> risks_where(const std::string& where,
                                              const std::function<void(Statement&)>& bind,
                                              const std::string& tail = "") {
    Statement st(
        m_db,
        ("SELECT " + std::string(k_risk_columns) + " FROM risk WHERE " + where + tail).c_str());
    bind(st);
    std::vector<core::Risk> out;
    while (st.next()) out.push_back(read_risk(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    if (auto l = load_risk_links(out); !l) return std::unexpected(l.error());
    return out;
  }

  Result<core::Risk> risk_by_id(std::int64_t id) {
    auto found = risks_where("id = ?1", [&](Statement& st) { st.bind(1, id); });
    if (!found) return std::unexpected(found.error());
    if (found->empty()) return fail(ErrorCode::k_not_found, "no risk " + std::to_string(id));
    return std::move(found->front());
  }

  Result<core::Risk> risk(std::int64_t id) override { return risk_by_id(id); }

  Result<core::Risk> risk(std::int64_t organization, const std::string& ref) override {
    bool by_id = core::is_id_reference(ref);
    auto found =
        risks_where(by_id ? "organization = ?1 AND id = ?2" : "organization = ?1 AND ref_key = ?2",
                    [&](Statement& st) {
                      st.bind(1, organization);
                      if (by_id)
                        st.bind(2, std::stoll(ref));
                      else
                        st.bind(2, util::caseless_key(util::trim(ref)));
                    });
    if (!found) return std::unexpected(found.error());
    if (found->empty())
      return fail(ErrorCode::k_not_found, "no risk '" + ref + "' in the organization");
    return std::move(found->front());
  }

  Result<util::Paged<core::Risk>> risks(std::int64_t organization,
                                        const core::RiskQuery& q) override {
    // The equalities first: the text's LIKEs (five lower() calls a row) only on the rows left.
    std::string where =
        "organization = ?1 AND (?3 = '' OR owner = ?3) AND (?4 = '' OR status = ?4) AND (?5 = '' "
        "OR treatment = ?5) AND (?6 = 1 OR closed = 0) AND (?2 = '%%' OR lower(ref) LIKE ?2 ESCAPE "
        "'\\' OR lower(title) LIKE ?2 ESCAPE '\\' OR lower(owner) LIKE ?2 ESCAPE '\\' OR "
        "lower(threat) LIKE ?2 ESCAPE '\\' OR lower(vulnerability) LIKE ?2 ESCAPE '\\') AND (?7 < "
        "0 "
        "OR EXISTS (SELECT 1 FROM risk_asset ra WHERE ra.risk = risk.id AND ra.asset = ?7)) AND "
        "(?8 = '' OR EXISTS (SELECT 1 FROM risk_control rc WHERE rc.risk = risk.id AND "
        "rc.control = ?8))";
    auto pattern = sql::like_pattern(q.text);
    auto bind = [&](Statement& st) {
      st.bind(1, organization).bind(2, pattern).bind(3, q.owner);
      st.bind(4, q.status ? std::string(core::to_string(*q.status)) : std::string());
      st.bind(5, q.treatment ? std::string(core::to_string(*q.treatment)) : std::string());
      st.bind(6, std::int64_t{q.include_closed ? 1 : 0}).bind(7, q.asset.value_or(-1));
      st.bind(8, q.control);
    };
    util::Paged<core::Risk> out;
    auto total = count("SELECT count(*) FROM risk WHERE " + where, bind);
    if (!total) return std::unexpected(total.error());
    out.total = *total;
    auto page = risks_where(where, bind, " ORDER BY ref_key, id" + q.slice.sql());
    if (!page) return std::unexpected(page.error());
    out.items = std::move(*page);
    return out;
  }

  Result<core::HeatMap> heat_map(std::int64_t organization, const std::string& criteria) override {
    core::HeatMap out;
    struct Part {
      const char* l;
      const char* c;
      std::map<std::pair<int, int>, std::size_t>* into;
    };
    const Part parts[] = {{"inherent_likelihood", "inherent_consequence", &out.inherent},
                          {"current_likelihood", "current_consequence", &out.current},
                          {"residual_likelihood", "residual_consequence", &out.residual}};
    for (const auto& p : parts) {
      Statement st(m_db, ("SELECT " + std::string(p.l) + ", " + p.c +
                          ", count(*) FROM risk WHERE organization = ?1 AND closed = 0 AND "
                          "criteria = ?2 GROUP BY " +
                          p.l + ", " + p.c)
                             .c_str());
      st.bind(1, organization).bind(2, criteria);
      while (st.next()) {
        int l = static_cast<int>(st.integer(0)), c = static_cast<int>(st.integer(1));
        auto n = static_cast<std::size_t>(st.integer(2));
        if (l > 0 && c > 0)
          (*p.into)[{l, c}] += n;
        else if (p.into == &out.inherent)
          out.unscored += n;
      }
      if (auto end = st.finished(); !end) return std::unexpected(end.error());
    }
    return out;
  }

  Result<std::pair<std::size_t, std::size_t>> import_register(
      std::int64_t organization, const std::vector<core::Asset>& assets,
      const std::vector<std::pair<std::string, std::vector<std::string>>>& asset_links,
      const std::vector<core::Risk>& risks,
      const std::vector<std::vector<std::string>>& risk_asset_refs) override {
    auto r = m_work.write([&]() -> Result<void> {
      std::map<std::string, std::int64_t> ids;  // caseless ref -> id, the batch's and stored
      auto resolve = [&](const std::string& ref, const std::string& who) -> Result<std::int64_t> {
        auto key = util::caseless_key(util::trim(ref));
        if (auto it = ids.find(key); it != ids.end()) return it->second;
        auto stored = asset(organization, ref);
        if (!stored) {
          if (stored.error().code == ErrorCode::k_not_found)
            return fail(
                ErrorCode::k_invalid_input,
                who + " names asset '" + ref + "', which is neither in the file nor stored");
          return std::unexpected(stored.error());
        }
        ids[key] = stored->id;
        return stored->id;
      };
      std::vector<core::Asset> inserted;
      for (const auto& a : assets) {
        core::Asset plain = a;
        plain.organization = organization;
        plain.parent.reset();
        plain.depends_on.clear();
        auto stored = insert_asset(plain);
        if (!stored) return std::unexpected(stored.error());
        ids[util::caseless_key(stored->ref)] = stored->id;
        inserted.push_back(*stored);
      }
      // Parents and dependencies once every asset of the file has its id.
      for (std::size_t i = 0; i < inserted.size() && i < asset_links.size(); ++i) {
        const auto& [parent, depends] = asset_links[i];
        if (parent.empty() && depends.empty()) continue;
        core::Asset linked = inserted[i];
        if (!parent.empty()) {
          auto p = resolve(parent, "asset " + linked.ref);
          if (!p) return std::unexpected(p.error());
          linked.parent = *p;
        }
        for (const auto& d : depends) {
          auto id = resolve(d, "asset " + linked.ref);
          if (!id) return std::unexpected(id.error());
          linked.depends_on.push_back(*id);
        }
        if (auto l = check_asset_links(linked); !l) return l;
        Statement st(m_db, "UPDATE asset SET parent = ?2 WHERE id = ?1");
        st.bind(1, linked.id);
        if (linked.parent)
          st.bind(2, *linked.parent);
        else
          st.bind(2, std::optional<int>());
        if (st.step() != sql::k_done) return std::unexpected(m_work.db_error("linking the asset"));
        if (auto d = write_dependencies(linked); !d) return d;
        if (auto a =
                m_work.audit("asset", std::to_string(linked.id), "link",
                             codec::to_json(inserted[i]).dump(), codec::to_json(linked).dump());
            !a)
          return a;
      }
      for (std::size_t i = 0; i < risks.size(); ++i) {
        core::Risk risk = risks[i];
        risk.organization = organization;
        if (i < risk_asset_refs.size())
          for (const auto& ref : risk_asset_refs[i]) {
            auto id = resolve(ref, "risk " + risk.ref);
            if (!id) return std::unexpected(id.error());
            risk.assets.push_back(*id);
          }
        auto stored = insert_risk(risk);
        if (!stored) return std::unexpected(stored.error());
      }
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return std::pair{assets.size(), risks.size()};
  }

  // --- decisions --------------------------------------------------------------------------

  Result<core::Decision> add_decision(const core::Decision& given) override {
    core::Decision decision = given;
    decision.decided_by = util::trim(given.decided_by);
    if (decision.decided_by.empty()) decision.decided_by = m_work.actor();
    if (auto v = core::validate(decision); !v) return std::unexpected(v.error());
    core::Decision out = decision;
    auto r = m_work.write([&]() -> Result<void> {
      Statement st(m_db,
                   "INSERT INTO risk_decision (risk, kind, decided_by, decided_at, "
                   "justification, expires, state_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                   "RETURNING id");
      // Now, unless the caller records a decision taken earlier (the demo's history).
      if (out.decided_at.empty()) out.decided_at = util::now_utc();
      st.bind(1, decision.risk).bind(2, std::string(core::to_string(decision.kind)));
      st.bind(3, out.decided_by).bind(4, out.decided_at).bind(5, decision.justification);
      st.bind(6, decision.expires).bind(7, decision.state_hash);
      if (st.step() != sql::k_row) return std::unexpected(m_work.db_error("storing the decision"));
      out.id = st.integer(0);
      return m_work.audit("decision", std::to_string(out.id), "create", "null",
                          codec::to_json(out).dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::Decision> revoke_decision(std::int64_t id) override {
    core::Decision out;
    auto r = m_work.write([&]() -> Result<void> {
      auto found = decisions_where("id = ?1", id);
      if (!found) return std::unexpected(found.error());
      if (found->empty()) return fail(ErrorCode::k_not_found, "no decision " + std::to_string(id));
      auto before = found->front();
      if (before.revoked)
        return fail(ErrorCode::k_conflict, "decision " + std::to_string(id) + " was revoked by " +
                                               before.revoked_by + " at " + before.revoked_at);
      out = before;
      out.revoked = true;
      out.revoked_by = m_work.actor();
      out.revoked_at = util::now_utc();
      Statement st(m_db,
                   "UPDATE risk_decision SET revoked = 1, revoked_by = ?2, revoked_at = ?3 WHERE "
                   "id = ?1 AND revoked = 0");
      st.bind(1, id).bind(2, out.revoked_by).bind(3, out.revoked_at);
      if (st.step() != sql::k_done || m_db->changes() != 1)
        return std::unexpected(m_work.db_error("revoking the decision"));
      return m_work.audit("decision", std::to_string(id), "revoke", codec::to_json(before).dump(),
                          codec::to_json(out).dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<std::vector<core::Decision>> decisions_where(const std::string& where,
                                                      std::int64_t value) {
    Statement st(m_db, ("SELECT " + std::string(k_decision_columns) + " FROM risk_decision WHERE " +
                        where + " ORDER BY decided_at DESC, id DESC")
                           .c_str());
    st.bind(1, value);
    std::vector<core::Decision> out;
    while (st.next()) out.push_back(read_decision(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<std::vector<core::Decision>> decisions(std::int64_t risk) override {
    return decisions_where("risk = ?1", risk);
  }

  Result<std::vector<core::Decision>> organization_decisions(std::int64_t organization) override {
    return decisions_where("risk IN (SELECT id FROM risk WHERE organization = ?1)", organization);
  }

  Result<std::vector<core::Decision>> decisions_of(
      const std::vector<std::int64_t>& risks) override {
    if (risks.empty()) return std::vector<core::Decision>{};
    Statement st(
        m_db, ("SELECT " + std::string(k_decision_columns) + " FROM risk_decision WHERE risk IN (" +
               id_list(risks) + ") ORDER BY decided_at DESC, id DESC")
                  .c_str());
    std::vector<core::Decision> out;
    while (st.next()) out.push_back(read_decision(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<std::map<std::string, std::vector<std::string>>> treatment_controls(
      std::int64_t organization) override {
    Statement st(m_db,
                 "SELECT rc.control, r.ref FROM risk r JOIN risk_control rc ON rc.risk = r.id "
                 "WHERE r.organization = ?1 AND r.closed = 0 ORDER BY r.ref_key, r.id, rc.control");
    st.bind(1, organization);
    std::map<std::string, std::vector<std::string>> out;
    while (st.next()) out[st.text(0)].push_back(st.text(1));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  // --- the Statement of Applicability -----------------------------------------------------

  Result<std::vector<core::SoaVersion>> soa_versions(std::int64_t organization) override {
    Statement st(m_db, ("SELECT " + std::string(k_soa_version_columns) +
                        " FROM soa_version WHERE organization = ?1 ORDER BY number")
                           .c_str());
    st.bind(1, organization);
    std::vector<core::SoaVersion> out;
    while (st.next()) out.push_back(read_soa_version(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  // The newest version (number 0) or one; nullopt when there is none.
  Result<std::optional<core::SoaVersion>> soa_version_of(std::int64_t organization, int number) {
    Statement st(m_db, ("SELECT " + std::string(k_soa_version_columns) +
                        " FROM soa_version WHERE organization = ?1 AND (?2 = 0 OR number = ?2) "
                        "ORDER BY number DESC LIMIT 1")
                           .c_str());
    st.bind(1, organization).bind(2, std::int64_t{number});
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    if (!*row) return std::optional<core::SoaVersion>();
    return std::optional<core::SoaVersion>(read_soa_version(st));
  }

  Result<std::vector<core::SoaRow>> soa_rows(std::int64_t soa) {
    Statement st(m_db, ("SELECT " + std::string(k_soa_row_columns) +
                        " FROM soa_row WHERE soa = ?1 ORDER BY control")
                           .c_str());
    st.bind(1, soa);
    std::vector<core::SoaRow> out;
    while (st.next()) out.push_back(read_soa_row(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<SoaState> soa(std::int64_t organization, int number) override {
    auto v = soa_version_of(organization, number);
    if (!v) return std::unexpected(v.error());
    if (!*v)
      return fail(ErrorCode::k_not_found,
                  number == 0 ? "the organization has no Statement of Applicability yet"
                              : "the organization has no version " + std::to_string(number) +
                                    " of its Statement of Applicability");
    auto rows = soa_rows((*v)->id);
    if (!rows) return std::unexpected(rows.error());
    return SoaState{**v, std::move(*rows)};
  }

  // Inside a write: a new draft numbered after `from` (or 1), copying from's rows.
  Result<core::SoaVersion> start_draft(std::int64_t organization,
                                       const std::optional<core::SoaVersion>& from) {
    core::SoaVersion v;
    v.organization = organization;
    v.number = from ? from->number + 1 : 1;
    v.created_at = util::now_utc();
    v.created_by = m_work.actor();
    Statement st(m_db,
                 "INSERT INTO soa_version (organization, number, status, created_at, created_by) "
                 "VALUES (?1, ?2, 'draft', ?3, ?4) RETURNING id");
    st.bind(1, organization).bind(2, std::int64_t{v.number}).bind(3, v.created_at);
    st.bind(4, v.created_by);
    int rc = st.step();
    if (rc == sql::k_constraint)
      return fail(ErrorCode::k_conflict, "version " + std::to_string(v.number) +
                                             " of the Statement of Applicability was started by "
                                             "someone else; reload it");
    if (rc != sql::k_row)
      return std::unexpected(
          m_work.db_error("starting a version of the Statement of Applicability"));
    v.id = st.integer(0);
    if (from) {
      Statement copy(m_db,
                     "INSERT INTO soa_row (soa, control, applicable, reasons, justification, "
                     "owner, notes, version, updated_at, updated_by) SELECT ?1, control, "
                     "applicable, reasons, justification, owner, notes, version, updated_at, "
                     "updated_by FROM soa_row WHERE soa = ?2");
      copy.bind(1, v.id).bind(2, from->id);
      if (copy.step() != sql::k_done)
        return std::unexpected(m_work.db_error("copying the Statement of Applicability"));
    }
    nlohmann::json after{{"number", v.number},
                         {"status", "draft"},
                         {"from", from ? nlohmann::json(from->number) : nlohmann::json()}};
    if (auto a = m_work.audit("soa", std::to_string(organization) + "/v" + std::to_string(v.number),
                              "start", "null", after.dump());
        !a)
      return std::unexpected(a.error());
    return v;
  }

  Result<std::pair<core::SoaRow, core::SoaVersion>> put_soa_row(
      std::int64_t organization, const core::SoaRow& row, std::int64_t expected_version) override {
    if (auto v = core::validate(row); !v) return std::unexpected(v.error());
    std::pair<core::SoaRow, core::SoaVersion> out;
    auto r = m_work.write([&]() -> Result<void> {
      auto latest = soa_version_of(organization, 0);
      if (!latest) return std::unexpected(latest.error());
      core::SoaVersion version;
      if (!*latest || (*latest)->status == core::SoaStatus::k_approved) {
        auto v = start_draft(organization, *latest);
        if (!v) return std::unexpected(v.error());
        version = *v;
      } else {
        version = **latest;
      }
      Statement cur(m_db, ("SELECT " + std::string(k_soa_row_columns) +
                           " FROM soa_row WHERE soa = ?1 AND control = ?2")
                              .c_str());
      cur.bind(1, version.id).bind(2, row.control);
      auto found = cur.row();
      if (!found) return std::unexpected(found.error());
      std::optional<core::SoaRow> before;
      if (*found) before = read_soa_row(cur);
      std::int64_t stored_version = before ? before->version : 0;
      if (stored_version != expected_version) {
        if (!before)
          return fail(ErrorCode::k_conflict, "the row of " + row.control + " is not in version " +
                                                 std::to_string(version.number) +
                                                 " as you read it; reload it");
        return stale("the row of " + row.control + " in the Statement of Applicability",
                     before->updated_by, before->updated_at, stored_version, expected_version);
      }
      core::SoaRow stored = row;
      stored.owner = util::trim(row.owner);
      stored.version = stored_version + 1;
      stored.updated_at = util::now_utc();
      stored.updated_by = m_work.actor();
      Statement st(m_db,
                   "INSERT INTO soa_row (soa, control, applicable, reasons, justification, owner, "
                   "notes, version, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                   "?8, ?9, ?10) ON CONFLICT (soa, control) DO UPDATE SET applicable = "
                   "excluded.applicable, reasons = excluded.reasons, justification = "
                   "excluded.justification, owner = excluded.owner, notes = excluded.notes, "
                   "version = excluded.version, updated_at = excluded.updated_at, updated_by = "
                   "excluded.updated_by");
      st.bind(1, version.id).bind(2, stored.control).bind(3, std::int64_t{stored.applicable});
      st.bind(4, reasons_text(stored.reasons)).bind(5, stored.justification);
      st.bind(6, stored.owner).bind(7, stored.notes).bind(8, stored.version);
      st.bind(9, stored.updated_at).bind(10, stored.updated_by);
      if (st.step() != sql::k_done)
        return std::unexpected(
            m_work.db_error("storing the row of the Statement of Applicability"));
      out = {stored, version};
      return m_work.audit("soa",
                          std::to_string(organization) + "/v" + std::to_string(version.number) +
                              "/" + stored.control,
                          "update", before ? codec::to_json(*before).dump() : "null",
                          codec::to_json(stored).dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::SoaVersion> approve_soa(std::int64_t organization, int number,
                                       const std::string& note,
                                       const std::vector<core::SoaRow>& seed) override {
    core::SoaVersion out;
    auto r = m_work.write([&]() -> Result<void> {
      auto latest = soa_version_of(organization, 0);
      if (!latest) return std::unexpected(latest.error());
      core::SoaVersion version;
      if (!*latest) {
        if (number != 1)
          return fail(ErrorCode::k_conflict,
                      "the organization has no Statement of Applicability yet: approve version 1");
        auto v = start_draft(organization, std::nullopt);
        if (!v) return std::unexpected(v.error());
        version = *v;
      } else {
        version = **latest;
        if (version.number != number)
          return fail(ErrorCode::k_conflict,
                      "the newest version of the Statement of Applicability is " +
                          std::to_string(version.number) + ", not " + std::to_string(number) +
                          "; reload it");
        if (version.status == core::SoaStatus::k_approved)
          return fail(ErrorCode::k_conflict, "version " + std::to_string(number) +
                                                 " was approved by " + version.approved_by +
                                                 " at " + version.approved_at);
      }
      auto now = util::now_utc();
      for (const auto& row : seed) {
        Statement st(m_db,
                     "INSERT INTO soa_row (soa, control, applicable, reasons, justification, "
                     "owner, notes, version, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, "
                     "?6, ?7, 1, ?8, ?9) ON CONFLICT (soa, control) DO NOTHING");
        st.bind(1, version.id).bind(2, row.control).bind(3, std::int64_t{row.applicable});
        st.bind(4, reasons_text(row.reasons)).bind(5, row.justification).bind(6, row.owner);
        st.bind(7, row.notes).bind(8, now).bind(9, m_work.actor());
        if (st.step() != sql::k_done)
          return std::unexpected(m_work.db_error("freezing the Statement of Applicability"));
      }
      Statement st(m_db,
                   "UPDATE soa_version SET status = 'approved', approved_at = ?2, approved_by = "
                   "?3, approval_note = ?4 WHERE id = ?1 AND status = 'draft'");
      st.bind(1, version.id).bind(2, now).bind(3, m_work.actor()).bind(4, note);
      if (st.step() != sql::k_done || m_db->changes() != 1)
        return std::unexpected(m_work.db_error("approving the Statement of Applicability"));
      out = version;
      out.status = core::SoaStatus::k_approved;
      out.approved_at = now;
      out.approved_by = m_work.actor();
      out.approval_note = note;
      nlohmann::json after{{"number", out.number},
                           {"status", "approved"},
                           {"approved_by", out.approved_by},
                           {"note", note}};
      return m_work.audit(
          "soa", std::to_string(organization) + "/v" + std::to_string(out.number), "approve",
          nlohmann::json{{"number", out.number}, {"status", "draft"}}.dump(), after.dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  // --- baselines --------------------------------------------------------------------------

  Result<Baseline> create_baseline(const Baseline& baseline) override {
    auto name = util::trim(baseline.name);
    if (auto c = core::check_text("baseline name", name, core::TextKind::k_reference_name, 200); !c)
      return std::unexpected(c.error());
    Baseline out = baseline;
    auto r = m_work.write([&]() -> Result<void> {
      out.name = name;
      out.taken_at = util::now_utc();
      out.taken_by = m_work.actor();
      Statement st(m_db,
                   "INSERT INTO risk_baseline (organization, name, name_key, taken_at, taken_by, "
                   "content) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
      st.bind(1, baseline.organization).bind(2, name).bind(3, util::caseless_key(name));
      st.bind(4, out.taken_at).bind(5, out.taken_by).bind(6, baseline.content);
      int rc = st.step();
      if (rc == sql::k_constraint)
        return fail(ErrorCode::k_conflict,
                    "the organization already has a baseline named '" + name + "'");
      if (rc != sql::k_row) return std::unexpected(m_work.db_error("storing the baseline"));
      out.id = st.integer(0);
      nlohmann::json after{{"id", out.id}, {"name", name}, {"taken_at", out.taken_at}};
      return m_work.audit("baseline", std::to_string(out.id), "create", "null", after.dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<std::vector<Baseline>> baselines(std::int64_t organization) override {
    Statement st(m_db,
                 "SELECT id, organization, name, taken_at, taken_by FROM risk_baseline WHERE "
                 "organization = ?1 ORDER BY taken_at DESC, id DESC");
    st.bind(1, organization);
    std::vector<Baseline> out;
    while (st.next())
      out.push_back(Baseline{st.integer(0), st.integer(1), st.text(2), st.text(3), st.text(4), ""});
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<Baseline> baseline(std::int64_t organization, const std::string& name) override {
    Statement st(m_db,
                 "SELECT id, organization, name, taken_at, taken_by, content FROM risk_baseline "
                 "WHERE organization = ?1 AND name_key = ?2");
    st.bind(1, organization).bind(2, util::caseless_key(util::trim(name)));
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    if (!*row) return fail(ErrorCode::k_not_found, "no baseline '" + name + "'");
    return Baseline{st.integer(0), st.integer(1), st.text(2), st.text(3), st.text(4), st.text(5)};
  }

 private:
  UnitOfWork& m_work;
  sql::Connection* m_db;
};

}  // namespace

std::unique_ptr<RiskStore> make_risk_store(UnitOfWork& work) {
  return std::make_unique<SqlRiskStore>(work);
}

}  // namespace cyberframe::store
