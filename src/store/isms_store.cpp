// The SQL of the ISMS registers' repository (isms_store.hpp), on the store's unit of work.

#include "store/isms_store.hpp"

#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

#include "codec/isms_json.hpp"
#include "core/input_rules.hpp"
#include "store/unit_of_work.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"

namespace cyberframe::store {

using sql::Statement;
using util::ErrorCode;
using util::fail;

namespace {

constexpr const char* k_columns =
    "id, organization, register_key, ref, title, status, owner, fields, revision, "
    "approved_revision, approved_by, approved_at, deleted, deleted_by, deleted_at, version, "
    "created_at, created_by, updated_at, updated_by";

core::IsmsRecord read_record(Statement& st) {
  core::IsmsRecord r;
  r.id = st.integer(0);
  r.organization = st.integer(1);
  r.register_key = st.text(2);
  r.ref = st.text(3);
  r.title = st.text(4);
  r.status = st.text(5);
  r.owner = st.text(6);
  codec::fields_from_json(nlohmann::json::parse(st.text(7), nullptr, false), r);
  r.revision = st.integer(8);
  r.approved_revision = st.integer(9);
  r.approved_by = st.text(10);
  r.approved_at = st.text(11);
  r.deleted = st.integer(12) != 0;
  r.deleted_by = st.text(13);
  r.deleted_at = st.text(14);
  r.version = st.integer(15);
  r.created_at = st.text(16);
  r.created_by = st.text(17);
  r.updated_at = st.text(18);
  r.updated_by = st.text(19);
  return r;
}

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);  // numbers only
  }
  return out;
}

core::IsmsRecord normalised(const core::IsmsRecord& in) {
  core::IsmsRecord r = in;
  r.ref = util::trim(r.ref);
  r.title = util::trim(r.title);
  r.owner = util::trim(r.owner);
  std::sort(r.links.begin(), r.links.end());
  r.links.erase(std::unique(r.links.begin(), r.links.end()), r.links.end());
  return r;
}

class SqlIsmsStore final : public IsmsStore {
 public:
  explicit SqlIsmsStore(UnitOfWork& work) : m_work(work), m_db(work.db()) {}

  Result<core::IsmsRecord> create_record(const core::IsmsRecord& record) override {
    core::IsmsRecord out;
    auto r = m_work.write([&]() -> Result<void> {
      auto stored = insert(record);
      if (!stored) return std::unexpected(stored.error());
      out = std::move(*stored);
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::IsmsRecord> update_record(const core::IsmsRecord& record,
                                         const std::string& action) override {
    core::IsmsRecord out;
    auto r = m_work.write([&]() -> Result<void> {
      auto stored = overwrite(record, action);
      if (!stored) return std::unexpected(stored.error());
      out = std::move(*stored);
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::IsmsRecord> update_record_with(
      const core::IsmsRecord& record, const std::string& action,
      const std::function<Result<void>(const core::IsmsRecord&)>& also) override {
    core::IsmsRecord out;
    auto r = m_work.write([&]() -> Result<void> {
      auto stored = overwrite(record, action);
      if (!stored) return std::unexpected(stored.error());
      out = std::move(*stored);
      return also(out);
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<std::size_t> write_records(const std::vector<core::IsmsRecord>& records) override {
    std::size_t n = 0;
    auto r = m_work.write([&]() -> Result<void> {
      for (const auto& record : records) {
        auto stored = record.id == 0 ? insert(record) : overwrite(record, "update");
        if (!stored) return std::unexpected(stored.error());
        ++n;
      }
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return n;
  }

  Result<core::IsmsRecord> record(std::int64_t organization, const std::string& reg,
                                  const std::string& ref) override {
    bool by_id = core::is_id_reference(ref);
    auto found = where(by_id ? "organization = ?1 AND register_key = ?2 AND id = ?3"
                             : "organization = ?1 AND register_key = ?2 AND ref_key = ?3",
                       [&](Statement& st) {
                         st.bind(1, organization).bind(2, reg);
                         if (by_id)
                           st.bind(3, std::stoll(ref));
                         else
                           st.bind(3, util::caseless_key(util::trim(ref)));
                       });
    if (!found) return std::unexpected(found.error());
    if (found->empty())
      return fail(ErrorCode::k_not_found,
                  "no record '" + ref.substr(0, 60) + "' in the register " + reg);
    return std::move(found->front());
  }

  Result<util::Paged<core::IsmsRecord>> records(std::int64_t organization, const std::string& reg,
                                                const core::IsmsQuery& q) override {
    // The equalities first, the text's LIKEs on the rows left.
    std::string cond =
        "organization = ?1 AND register_key = ?2 AND deleted = ?3 AND (?4 = '' OR status = ?4) "
        "AND (?5 = '' OR owner = ?5) AND (?6 = '' OR EXISTS (SELECT 1 FROM isms_link l WHERE "
        "l.record = isms_record.id AND l.kind = ?6 AND l.target_key = ?7)) AND (?8 = '%%' OR "
        "lower(ref) LIKE ?8 ESCAPE '\\' OR search LIKE ?8 ESCAPE '\\')";
    auto pattern = sql::like_pattern(q.text);
    auto bind = [&](Statement& st) {
      st.bind(1, organization).bind(2, reg).bind(3, std::int64_t{q.deleted ? 1 : 0});
      st.bind(4, q.status).bind(5, util::trim(q.owner));
      st.bind(6, q.link ? q.link->kind : std::string());
      st.bind(7, q.link ? util::caseless_key(q.link->target) : std::string());
      st.bind(8, pattern);
    };
    util::Paged<core::IsmsRecord> out;
    {
      Statement st(m_db, "SELECT count(*) FROM isms_record WHERE " + cond);
      bind(st);
      auto row = st.row();
      if (!row) return std::unexpected(row.error());
      out.total = *row ? static_cast<std::size_t>(st.integer(0)) : 0;
    }
    auto page = where(cond, bind, " ORDER BY ref_key, id" + q.slice.sql());
    if (!page) return std::unexpected(page.error());
    out.items = std::move(*page);
    return out;
  }

  Result<std::map<std::string, std::size_t>> counts(std::int64_t organization) override {
    Statement st(m_db,
                 "SELECT register_key, count(*) FROM isms_record WHERE organization = ?1 AND "
                 "deleted = 0 GROUP BY register_key");
    st.bind(1, organization);
    std::map<std::string, std::size_t> out;
    while (st.next()) out[st.text(0)] = static_cast<std::size_t>(st.integer(1));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<std::set<std::string>> live_refs(std::int64_t organization, const std::string& reg,
                                          const std::vector<std::string>& refs) override {
    std::set<std::string> out;
    Statement st(m_db,
                 "SELECT 1 FROM isms_record WHERE organization = ?1 AND register_key = ?2 AND "
                 "ref_key = ?3 AND deleted = 0",
                 true);
    for (const auto& ref : refs) {
      auto key = util::caseless_key(util::trim(ref));
      if (out.contains(key)) continue;
      st.reset();
      st.bind(1, organization).bind(2, reg).bind(3, key);
      auto row = st.row();
      if (!row) return std::unexpected(row.error());
      if (*row) out.insert(key);
    }
    return out;
  }

  Result<core::IsmsComment> add_comment(std::int64_t record, const std::string& text) override {
    core::IsmsComment out;
    auto r = m_work.write([&]() -> Result<void> {
      auto now = util::now_utc();
      Statement st(m_db,
                   "INSERT INTO isms_comment (record, author, at, text) VALUES (?1, ?2, ?3, ?4) "
                   "RETURNING id");
      st.bind(1, record).bind(2, m_work.actor()).bind(3, now).bind(4, text);
      if (st.step() != sql::k_row) return std::unexpected(m_work.db_error("storing the comment"));
      out = core::IsmsComment{st.integer(0), record, m_work.actor(), now, text};
      nlohmann::json after{{"record", record}, {"author", out.author}, {"at", now}, {"text", text}};
      return m_work.audit("isms-comment", std::to_string(out.id), "create", "null", after.dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<std::vector<core::IsmsComment>> comments(std::int64_t record) override {
    Statement st(m_db,
                 "SELECT id, record, author, at, text FROM isms_comment WHERE record = ?1 ORDER "
                 "BY id");
    st.bind(1, record);
    std::vector<core::IsmsComment> out;
    while (st.next())
      out.push_back({st.integer(0), st.integer(1), st.text(2), st.text(3), st.text(4)});
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<std::vector<core::IsmsVersion>> versions(std::int64_t record) override {
    Statement st(m_db,
                 "SELECT version, revision, status, saved_at, saved_by, content FROM "
                 "isms_record_version WHERE record = ?1 ORDER BY version");
    st.bind(1, record);
    std::vector<core::IsmsVersion> out;
    while (st.next())
      out.push_back({st.integer(0), st.integer(1), st.text(2), st.text(3), st.text(4), st.text(5)});
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

 private:
  Result<std::vector<core::IsmsRecord>> where(const std::string& cond,
                                              const std::function<void(Statement&)>& bind,
                                              const std::string& tail = "") {
    Statement st(m_db,
                 "SELECT " + std::string(k_columns) + " FROM isms_record WHERE " + cond + tail);
    bind(st);
    std::vector<core::IsmsRecord> out;
    while (st.next()) out.push_back(read_record(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    if (auto l = load_links(out); !l) return std::unexpected(l.error());
    return out;
  }

  Result<void> load_links(std::vector<core::IsmsRecord>& records) {
    if (records.empty()) return {};
    std::vector<std::int64_t> ids;
    std::map<std::int64_t, core::IsmsRecord*> by_id;
    for (auto& r : records) {
      ids.push_back(r.id);
      by_id[r.id] = &r;
    }
    Statement st(m_db, "SELECT record, kind, target FROM isms_link WHERE record IN (" +
                           id_list(ids) + ") ORDER BY record, kind, target");
    while (st.next()) by_id[st.integer(0)]->links.push_back({st.text(1), st.text(2)});
    if (auto end = st.finished(); !end) return end;
    for (auto& r : records) std::sort(r.links.begin(), r.links.end());
    return {};
  }

  Result<void> ref_taken(const core::IsmsRecord& r) {
    return util::fail_field(ErrorCode::k_conflict,
                            r.register_key + " ref '" + r.ref +
                                "' is already used in the organization (refs are unique in a "
                                "register without regard to case; deleted records keep theirs)",
                            "ref");
  }

  const core::RegisterSpec* spec_of(const core::IsmsRecord& r) {
    return core::find_register(r.register_key);
  }

  Result<void> check(const core::IsmsRecord& r) {
    const auto* spec = spec_of(r);
    if (!spec)
      return util::fail_field(
          ErrorCode::k_invalid_input,
          "no register '" + r.register_key + "'; the registers are " + core::register_keys(),
          "register");
    return core::validate(*spec, r);
  }

  Result<std::string> next_ref(const core::IsmsRecord& r) {
    Statement st(m_db, "SELECT ref FROM isms_record WHERE organization = ?1 AND register_key = ?2");
    st.bind(1, r.organization).bind(2, r.register_key);
    std::vector<std::string> taken;
    while (st.next()) taken.push_back(st.text(0));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return core::next_ref(spec_of(r)->prefix, taken);
  }

  void bind_record(Statement& st, const core::IsmsRecord& r) {
    st.bind(1, r.organization).bind(2, r.register_key).bind(3, r.ref);
    st.bind(4, util::caseless_key(r.ref)).bind(5, r.title).bind(6, r.status).bind(7, r.owner);
    st.bind(8, core::search_text(r)).bind(9, codec::fields_to_json(*spec_of(r), r).dump());
    st.bind(10, r.revision).bind(11, r.approved_revision).bind(12, r.approved_by);
    st.bind(13, r.approved_at).bind(14, std::int64_t{r.deleted ? 1 : 0}).bind(15, r.deleted_by);
    st.bind(16, r.deleted_at);
  }

  Result<void> write_links(const core::IsmsRecord& r) {
    Statement del(m_db, "DELETE FROM isms_link WHERE record = ?1");
    del.bind(1, r.id);
    if (del.step() != sql::k_done) return std::unexpected(m_work.db_error("storing the links"));
    for (const auto& l : r.links) {
      Statement st(m_db,
                   "INSERT INTO isms_link (record, kind, target, target_key) VALUES (?1, ?2, ?3, "
                   "?4) ON CONFLICT DO NOTHING");
      st.bind(1, r.id).bind(2, l.kind).bind(3, l.target).bind(4, util::caseless_key(l.target));
      if (st.step() != sql::k_done) return std::unexpected(m_work.db_error("storing the links"));
    }
    return {};
  }

  Result<void> save_version(const core::IsmsRecord& r) {
    Statement st(m_db,
                 "INSERT INTO isms_record_version (record, version, revision, status, saved_at, "
                 "saved_by, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(1, r.id).bind(2, r.version).bind(3, r.revision).bind(4, r.status);
    st.bind(5, r.updated_at).bind(6, r.updated_by).bind(7, codec::to_json(r).dump());
    if (st.step() != sql::k_done)
      return std::unexpected(m_work.db_error("storing the record's version"));
    return {};
  }

  // Inside a write.
  Result<core::IsmsRecord> insert(const core::IsmsRecord& record) {
    auto r = normalised(record);
    if (auto v = check(r); !v) return std::unexpected(v.error());
    if (r.ref.empty()) {
      auto ref = next_ref(r);
      if (!ref) return std::unexpected(ref.error());
      r.ref = *ref;
    }
    auto now = util::now_utc();
    Statement st(m_db,
                 "INSERT INTO isms_record (organization, register_key, ref, ref_key, title, "
                 "status, owner, search, fields, revision, approved_revision, approved_by, "
                 "approved_at, deleted, deleted_by, deleted_at, version, created_at, created_by, "
                 "updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                 "?12, ?13, ?14, ?15, ?16, 1, ?17, ?18, ?17, ?18) RETURNING id");
    bind_record(st, r);
    st.bind(17, now).bind(18, m_work.actor());
    int rc = st.step();
    if (rc == sql::k_constraint && m_db->last_constraint() == sql::Constraint::k_unique) {
      auto e = ref_taken(r);
      return std::unexpected(e.error());
    }
    if (rc != sql::k_row) return std::unexpected(m_work.db_error("storing the record"));
    r.id = st.integer(0);
    r.version = 1;
    r.created_at = r.updated_at = now;
    r.created_by = r.updated_by = m_work.actor();
    if (auto l = write_links(r); !l) return std::unexpected(l.error());
    if (auto v = save_version(r); !v) return std::unexpected(v.error());
    if (auto a = m_work.audit("isms-record", std::to_string(r.id), "create", "null",
                              codec::to_json(r).dump());
        !a)
      return std::unexpected(a.error());
    return r;
  }

  // Inside a write.
  Result<core::IsmsRecord> overwrite(const core::IsmsRecord& record, const std::string& action) {
    auto r = normalised(record);
    if (auto v = check(r); !v) return std::unexpected(v.error());
    auto before = where("id = ?1", [&](Statement& st) { st.bind(1, r.id); });
    if (!before) return std::unexpected(before.error());
    if (before->empty() || before->front().organization != r.organization ||
        before->front().register_key != r.register_key)
      return fail(ErrorCode::k_not_found, "no record " + std::to_string(r.id));
    const auto& b = before->front();
    if (r.ref.empty()) r.ref = b.ref;
    auto stale = [&] {
      return fail(ErrorCode::k_conflict,
                  r.register_key + " " + b.ref + " was changed by " + b.updated_by + " at " +
                      b.updated_at + " since you read it (version " + std::to_string(b.version) +
                      ", you read version " + std::to_string(r.version) +
                      "); reload it and try again");
    };
    if (b.version != r.version) return stale();
    auto now = util::now_utc();
    Statement st(m_db,
                 "UPDATE isms_record SET organization = ?1, register_key = ?2, ref = ?3, ref_key "
                 "= ?4, title = ?5, status = ?6, owner = ?7, search = ?8, fields = ?9, revision = "
                 "?10, approved_revision = ?11, approved_by = ?12, approved_at = ?13, deleted = "
                 "?14, deleted_by = ?15, deleted_at = ?16, version = version + 1, updated_at = "
                 "?17, updated_by = ?18 WHERE id = ?19 AND version = ?20");
    bind_record(st, r);
    st.bind(17, now).bind(18, m_work.actor()).bind(19, r.id).bind(20, r.version);
    int rc = st.step();
    if (rc == sql::k_constraint && m_db->last_constraint() == sql::Constraint::k_unique) {
      auto e = ref_taken(r);
      return std::unexpected(e.error());
    }
    if (rc != sql::k_done) return std::unexpected(m_work.db_error("updating the record"));
    if (m_db->changes() != 1) return stale();
    r.version = b.version + 1;
    r.created_at = b.created_at;
    r.created_by = b.created_by;
    r.updated_at = now;
    r.updated_by = m_work.actor();
    if (auto l = write_links(r); !l) return std::unexpected(l.error());
    if (auto v = save_version(r); !v) return std::unexpected(v.error());
    if (auto a = m_work.audit("isms-record", std::to_string(r.id), action, codec::to_json(b).dump(),
                              codec::to_json(r).dump());
        !a)
      return std::unexpected(a.error());
    return r;
  }

  UnitOfWork& m_work;
  sql::Connection* m_db;
};

}  // namespace

std::unique_ptr<IsmsStore> make_isms_store(UnitOfWork& work) {
  return std::make_unique<SqlIsmsStore>(work);
}

}  // namespace cyberframe::store
