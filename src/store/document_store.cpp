// The SQL of documented information's repository (document_store.hpp), on the store's unit of
// work.

#include "store/document_store.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "codec/document_json.hpp"
#include "store/unit_of_work.hpp"
#include "util/clock.hpp"
#include "util/digest.hpp"
#include "util/text.hpp"

namespace cyberframe::store {

using sql::Statement;
using util::ErrorCode;
using util::fail;

namespace {

constexpr const char* k_document_columns =
    "id, organization, ref, title, type, owner, classification, review_months, next_review, "
    "retention, distribution, retired, deleted, version, created_at, created_by, updated_at, "
    "updated_by";

core::Document read_document(Statement& st) {
  core::Document d;
  d.id = st.integer(0);
  d.organization = st.integer(1);
  d.ref = st.text(2);
  d.title = st.text(3);
  d.type = core::parse_document_type(st.text(4)).value_or(core::DocumentType::k_other);
  d.owner = st.text(5);
  d.classification =
      core::parse_classification(st.text(6)).value_or(core::Classification::k_internal);
  d.review_months = static_cast<int>(st.integer(7));
  d.next_review = st.text(8);
  d.retention = st.text(9);
  auto people = nlohmann::json::parse(st.text(10), nullptr, false);
  if (people.is_array())
    for (const auto& p : people)
      if (p.is_string()) d.distribution.push_back(p.get<std::string>());
  d.retired = st.integer(11) != 0;
  d.deleted = st.integer(12) != 0;
  d.version = st.integer(13);
  d.created_at = st.text(14);
  d.created_by = st.text(15);
  d.updated_at = st.text(16);
  d.updated_by = st.text(17);
  return d;
}

constexpr const char* k_version_columns =
    "document, id, number, state, file_name, media_type, coalesce(sha256, ''), size, author, "
    "created_at, change_note, submitted_by, submitted_at, reviewer, approver, approved_at, "
    "published_by, published_at, ended_at";

core::DocumentVersion read_version(Statement& st) {
  core::DocumentVersion v;
  v.id = st.integer(1);
  v.number = static_cast<int>(st.integer(2));
  v.state = core::parse_version_state(st.text(3)).value_or(core::VersionState::k_draft);
  v.file_name = st.text(4);
  v.media_type = st.text(5);
  v.sha256 = st.text(6);
  v.size = st.integer(7);
  v.author = st.text(8);
  v.created_at = st.text(9);
  v.change_note = st.text(10);
  v.submitted_by = st.text(11);
  v.submitted_at = st.text(12);
  v.reviewer = st.text(13);
  v.approver = st.text(14);
  v.approved_at = st.text(15);
  v.published_by = st.text(16);
  v.published_at = st.text(17);
  v.ended_at = st.text(18);
  return v;
}

std::string distribution_text(const std::vector<std::string>& people) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : people) out.push_back(util::trim(p));
  return out.dump();
}

class SqlDocumentStore final : public DocumentStore {
 public:
  explicit SqlDocumentStore(UnitOfWork& work) : m_work(work), m_db(work.db()) {}

  Result<core::Document> create_document(const core::Document& document,
                                         const std::optional<std::string>& file) override {
    if (auto v = core::validate(document); !v) return std::unexpected(v.error());
    core::Document out;
    auto r = m_work.write([&]() -> Result<void> {
      auto stored = insert(document, file);
      if (!stored) return std::unexpected(stored.error());
      out = std::move(*stored);
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::Document> save_document(const core::Document& document, const std::string& action,
                                       const std::optional<std::string>& file) override {
    if (auto v = core::validate(document); !v) return std::unexpected(v.error());
    core::Document out;
    auto r = m_work.write([&]() -> Result<void> {
      auto saved = update(document, action, file);
      if (!saved) return std::unexpected(saved.error());
      out = std::move(*saved);
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::Document> document(std::int64_t organization, const std::string& ref) override {
    auto found = documents_where(
        "organization = ?1 AND ref_key = ?2",
        [&](Statement& st) {
          st.bind(1, organization).bind(2, util::caseless_key(util::trim(ref)));
        },
        "");
    if (!found) return std::unexpected(found.error());
    if (found->empty())
      return fail(ErrorCode::k_not_found, "no document '" + util::trim(ref) + "'");
    return std::move(found->front());
  }

  Result<util::Paged<core::Document>> documents(std::int64_t organization,
                                                const core::DocumentQuery& q) override {
    std::string where =
        "organization = ?1 AND deleted = ?2 AND (?3 = '' OR owner = ?3) AND (?4 = '' OR type = "
        "?4) AND (?5 = '' OR state = ?5) AND (?6 = 0 OR (state = 'published' AND retired = 0 AND "
        "next_review <> '' AND next_review < ?7)) AND (?8 = '%%' OR lower(ref) LIKE ?8 ESCAPE "
        "'\\' OR lower(title) LIKE ?8 ESCAPE '\\' OR lower(owner) LIKE ?8 ESCAPE '\\')";
    auto pattern = sql::like_pattern(q.text);
    auto bind = [&](Statement& st) {
      st.bind(1, organization).bind(2, std::int64_t{q.deleted ? 1 : 0}).bind(3, q.owner);
      st.bind(4, q.type ? std::string(core::to_string(*q.type)) : std::string());
      st.bind(5, q.state ? std::string(core::to_string(*q.state)) : std::string());
      st.bind(6, std::int64_t{q.overdue ? 1 : 0}).bind(7, q.today).bind(8, pattern);
    };
    util::Paged<core::Document> out;
    Statement count(m_db, ("SELECT count(*) FROM document WHERE " + where).c_str());
    bind(count);
    auto row = count.row();
    if (!row) return std::unexpected(row.error());
    out.total = *row ? static_cast<std::size_t>(count.integer(0)) : 0;
    auto page = documents_where(where, bind, " ORDER BY ref_key, id" + q.slice.sql());
    if (!page) return std::unexpected(page.error());
    out.items = std::move(*page);
    return out;
  }

  Result<std::string> file_bytes(const std::string& sha256) override {
    Statement st(m_db, "SELECT data FROM document_blob WHERE sha256 = ?1");
    st.bind(1, sha256);
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    if (!*row) return fail(ErrorCode::k_not_found, "no document file with sha256 " + sha256);
    return st.blob(0);
  }

  Result<std::pair<std::size_t, std::size_t>> import_documents(
      std::int64_t organization, const std::vector<core::Document>& rows) override {
    std::pair<std::size_t, std::size_t> counts{0, 0};
    auto r = m_work.write([&]() -> Result<void> {
      for (const auto& row : rows) {
        core::Document d = row;
        d.organization = organization;
        if (auto v = core::validate(d); !v) return fail_field_ref(v.error(), d.ref);
        if (d.id != 0) {
          auto saved = update(d, "import", std::nullopt);
          if (!saved) return fail_field_ref(saved.error(), d.ref);
          ++counts.second;
        } else {
          auto stored = insert(d, std::nullopt);
          if (!stored) return fail_field_ref(stored.error(), d.ref);
          ++counts.first;
        }
      }
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return counts;
  }

  Result<core::DocumentAck> acknowledge(std::int64_t document, int version,
                                        const std::string& person) override {
    core::DocumentAck out;
    auto r = m_work.write([&]() -> Result<void> {
      auto who = util::trim(person);
      Statement cur(m_db,
                    "SELECT person, acknowledged_at FROM document_ack WHERE document = ?1 AND "
                    "version = ?2 AND person_key = ?3");
      cur.bind(1, document).bind(2, std::int64_t{version}).bind(3, util::caseless_key(who));
      auto row = cur.row();
      if (!row) return std::unexpected(row.error());
      out.document = document;
      out.version = version;
      if (*row) {
        out.person = cur.text(0);
        out.acknowledged_at = cur.text(1);
        return {};
      }
      out.person = who;
      out.acknowledged_at = util::now_utc();
      Statement st(m_db,
                   "INSERT INTO document_ack (document, version, person, person_key, "
                   "acknowledged_at) VALUES (?1, ?2, ?3, ?4, ?5)");
      st.bind(1, document).bind(2, std::int64_t{version}).bind(3, who);
      st.bind(4, util::caseless_key(who)).bind(5, out.acknowledged_at);
      if (st.step() != sql::k_done)
        return std::unexpected(m_work.db_error("storing the acknowledgement"));
      return m_work.audit("document", std::to_string(document), "acknowledge", "null",
                          codec::to_json(out).dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<std::vector<core::DocumentAck>> acknowledgements(std::int64_t document) override {
    Statement st(m_db,
                 "SELECT version, person, acknowledged_at FROM document_ack WHERE document = ?1 "
                 "ORDER BY version, acknowledged_at, person_key");
    st.bind(1, document);
    std::vector<core::DocumentAck> out;
    while (st.next()) {
      core::DocumentAck a;
      a.document = document;
      a.version = static_cast<int>(st.integer(0));
      a.person = st.text(1);
      a.acknowledged_at = st.text(2);
      out.push_back(std::move(a));
    }
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<std::map<std::string, std::string>> settings(std::int64_t organization) override {
    Statement st(m_db, "SELECT name, value FROM organization_setting WHERE organization = ?1");
    st.bind(1, organization);
    std::map<std::string, std::string> out;
    while (st.next()) out[st.text(0)] = st.text(1);
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<std::map<std::string, std::string>> put_settings(
      std::int64_t organization, const std::map<std::string, std::string>& values) override {
    std::map<std::string, std::string> after;
    auto r = m_work.write([&]() -> Result<void> {
      auto before = settings(organization);
      if (!before) return std::unexpected(before.error());
      after = *before;
      auto now = util::now_utc();
      for (const auto& [key, value] : values) {
        Statement st(m_db,
                     "INSERT INTO organization_setting (organization, name, value, updated_at, "
                     "updated_by) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (organization, name) DO "
                     "UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
                     "updated_by = excluded.updated_by");
        st.bind(1, organization).bind(2, key).bind(3, value).bind(4, now).bind(5, m_work.actor());
        if (st.step() != sql::k_done)
          return std::unexpected(m_work.db_error("storing the organization's settings"));
        after[key] = value;
      }
      return m_work.audit("organization-settings", std::to_string(organization), "update",
                          nlohmann::json(*before).dump(), nlohmann::json(after).dump());
    });
    if (!r) return std::unexpected(r.error());
    return after;
  }

 private:
  // An error of the import's row `ref`, named in the message.
  static std::unexpected<util::Error> fail_field_ref(const util::Error& e, const std::string& ref) {
    util::Error out = e;
    out.message = "document " + (ref.empty() ? std::string("(new)") : ref) + ": " + e.message;
    return std::unexpected(out);
  }

  Result<std::vector<core::Document>> documents_where(const std::string& where,
                                                      const std::function<void(Statement&)>& bind,
                                                      const std::string& tail) {
    Statement st(
        m_db, ("SELECT " + std::string(k_document_columns) + " FROM document WHERE " + where + tail)
                  .c_str());
    bind(st);
    std::vector<core::Document> out;
    while (st.next()) out.push_back(read_document(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    if (auto parts = load_parts(out); !parts) return std::unexpected(parts.error());
    return out;
  }

  // The versions and links of `docs`, one query each.
  Result<void> load_parts(std::vector<core::Document>& docs) {
    if (docs.empty()) return {};
    std::vector<std::int64_t> ids;
    std::map<std::int64_t, core::Document*> by_id;
    for (auto& d : docs) {
      ids.push_back(d.id);
      by_id[d.id] = &d;
      d.versions.clear();
      d.links.clear();
    }
    Statement v(m_db, ("SELECT " + std::string(k_version_columns) +
                       " FROM document_version WHERE document IN (" + sql::id_list(ids) +
                       ") ORDER BY document, number")
                          .c_str());
    while (v.next()) by_id[v.integer(0)]->versions.push_back(read_version(v));
    if (auto end = v.finished(); !end) return end;
    Statement l(m_db, ("SELECT document, kind, target FROM document_link WHERE document IN (" +
                       sql::id_list(ids) + ") ORDER BY document, kind, target")
                          .c_str());
    while (l.next()) by_id[l.integer(0)]->links.push_back({l.text(1), l.text(2)});
    return l.finished();
  }

  Result<std::string> next_ref(std::int64_t organization) {
    Statement st(m_db, "SELECT ref FROM document WHERE organization = ?1 AND ref_key LIKE 'doc-%'");
    st.bind(1, organization);
    int top = 0;
    while (st.next()) top = std::max(top, core::document_ref_number(st.text(0)));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return core::document_ref(top + 1);
  }

  Result<void> store_blob(const std::optional<std::string>& file) {
    if (!file) return {};
    Statement blob(m_db,
                   "INSERT INTO document_blob (sha256, size, data) VALUES (?1, ?2, ?3) ON "
                   "CONFLICT DO NOTHING");
    blob.bind(1, util::sha256_hex(*file))
        .bind(2, static_cast<std::int64_t>(file->size()))
        .bind_blob(3, *file);
    if (blob.step() != sql::k_done) return std::unexpected(m_work.db_error("storing the file"));
    return {};
  }

  // Checks that every version naming a file names a stored one (the blob of this write, or
  // one stored before).
  Result<void> check_files(const core::Document& d) {
    for (const auto& v : d.versions) {
      if (v.sha256.empty()) continue;
      Statement st(m_db, "SELECT 1 FROM document_blob WHERE sha256 = ?1");
      st.bind(1, v.sha256);
      auto row = st.row();
      if (!row) return std::unexpected(row.error());
      if (!*row)
        return fail(ErrorCode::k_invalid_input, d.ref + " version " + std::to_string(v.number) +
                                                    " names a file that is not stored");
    }
    return {};
  }

  void bind_document(Statement& st, const core::Document& d) {
    auto ref = util::trim(d.ref);
    st.bind(1, d.organization).bind(2, ref).bind(3, util::caseless_key(ref));
    st.bind(4, util::trim(d.title)).bind(5, std::string(core::to_string(d.type)));
    st.bind(6, util::trim(d.owner)).bind(7, std::string(core::to_string(d.classification)));
    st.bind(8, std::int64_t{d.review_months}).bind(9, d.next_review).bind(10, d.retention);
    st.bind(11, distribution_text(d.distribution));
    st.bind(12, std::string(core::to_string(core::state_of(d))));
    st.bind(13, std::int64_t{d.retired ? 1 : 0}).bind(14, std::int64_t{d.deleted ? 1 : 0});
  }

  Result<void> ref_taken(const std::string& ref) {
    return util::fail_field(ErrorCode::k_conflict,
                            "document ref '" + util::trim(ref) +
                                "' is already used in the organization (refs are unique without "
                                "regard to case)",
                            "ref");
  }

  Result<void> write_versions(const core::Document& d) {
    for (const auto& v : d.versions) {
      Statement st(
          m_db,
          "INSERT INTO document_version (document, number, state, file_name, media_type, sha256, "
          "size, author, created_at, change_note, submitted_by, submitted_at, reviewer, "
          "approver, approved_at, published_by, published_at, ended_at) VALUES (?1, ?2, ?3, ?4, "
          "?5, nullif(?6, ''), ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) ON "
          "CONFLICT (document, number) DO UPDATE SET state = excluded.state, file_name = "
          "excluded.file_name, media_type = excluded.media_type, sha256 = excluded.sha256, size "
          "= excluded.size, change_note = excluded.change_note, submitted_by = "
          "excluded.submitted_by, submitted_at = excluded.submitted_at, reviewer = "
          "excluded.reviewer, approver = excluded.approver, approved_at = excluded.approved_at, "
          "published_by = excluded.published_by, published_at = excluded.published_at, ended_at "
          "= excluded.ended_at");
      st.bind(1, d.id).bind(2, std::int64_t{v.number});
      st.bind(3, std::string(core::to_string(v.state))).bind(4, v.file_name);
      st.bind(5, v.media_type).bind(6, v.sha256).bind(7, v.size).bind(8, v.author);
      st.bind(9, v.created_at).bind(10, v.change_note).bind(11, v.submitted_by);
      st.bind(12, v.submitted_at).bind(13, v.reviewer).bind(14, v.approver);
      st.bind(15, v.approved_at).bind(16, v.published_by).bind(17, v.published_at);
      st.bind(18, v.ended_at);
      if (st.step() != sql::k_done)
        return std::unexpected(m_work.db_error("storing the document's versions"));
    }
    return {};
  }

  Result<void> write_links(const core::Document& d) {
    Statement del(m_db, "DELETE FROM document_link WHERE document = ?1");
    del.bind(1, d.id);
    if (del.step() != sql::k_done)
      return std::unexpected(m_work.db_error("storing the document's links"));
    for (const auto& l : d.links) {
      Statement ins(m_db,
                    "INSERT INTO document_link (document, kind, target) VALUES (?1, ?2, ?3) ON "
                    "CONFLICT DO NOTHING");
      ins.bind(1, d.id).bind(2, l.kind).bind(3, l.target);
      if (ins.step() != sql::k_done)
        return std::unexpected(m_work.db_error("storing the document's links"));
    }
    return {};
  }

  // Inside a write.
  Result<core::Document> insert(const core::Document& document,
                                const std::optional<std::string>& file) {
    core::Document d = document;
    if (util::trim(d.ref).empty()) {
      auto ref = next_ref(d.organization);
      if (!ref) return std::unexpected(ref.error());
      d.ref = *ref;
    }
    if (auto b = store_blob(file); !b) return std::unexpected(b.error());
    if (auto f = check_files(d); !f) return std::unexpected(f.error());
    auto now = util::now_utc();
    Statement st(m_db,
                 "INSERT INTO document (organization, ref, ref_key, title, type, owner, "
                 "classification, review_months, next_review, retention, distribution, state, "
                 "retired, deleted, version, created_at, created_by, updated_at, updated_by) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1, ?15, "
                 "?16, ?15, ?16) RETURNING id");
    bind_document(st, d);
    st.bind(15, now).bind(16, m_work.actor());
    int rc = st.step();
    if (rc == sql::k_constraint && m_db->last_constraint() == sql::Constraint::k_unique) {
      auto r = ref_taken(d.ref);
      return std::unexpected(r.error());
    }
    if (rc != sql::k_row) return std::unexpected(m_work.db_error("storing the document"));
    d.id = st.integer(0);
    d.ref = util::trim(d.ref);
    d.title = util::trim(d.title);
    d.owner = util::trim(d.owner);
    d.version = 1;
    d.created_at = d.updated_at = now;
    d.created_by = d.updated_by = m_work.actor();
    if (auto v = write_versions(d); !v) return std::unexpected(v.error());
    if (auto l = write_links(d); !l) return std::unexpected(l.error());
    std::vector<core::Document> one{d};
    if (auto p = load_parts(one); !p) return std::unexpected(p.error());
    d = std::move(one.front());
    if (auto a = m_work.audit("document", std::to_string(d.id), "create", "null",
                              codec::to_json(d).dump());
        !a)
      return std::unexpected(a.error());
    return d;
  }

  // Inside a write: `document.version` is the version read.
  Result<core::Document> update(const core::Document& document, const std::string& action,
                                const std::optional<std::string>& file) {
    auto found = documents_where(
        "id = ?1", [&](Statement& st) { st.bind(1, document.id); }, "");
    if (!found) return std::unexpected(found.error());
    if (found->empty() || found->front().organization != document.organization)
      return fail(ErrorCode::k_not_found, "no document " + document.ref);
    const auto& before = found->front();
    if (before.version != document.version)
      return fail(ErrorCode::k_conflict,
                  "document " + before.ref + " was changed by " + before.updated_by + " at " +
                      before.updated_at + " since you read it (version " +
                      std::to_string(before.version) + ", you read version " +
                      std::to_string(document.version) + "); reload it and try again");
    if (auto b = store_blob(file); !b) return std::unexpected(b.error());
    if (auto f = check_files(document); !f) return std::unexpected(f.error());
    auto now = util::now_utc();
    Statement st(m_db,
                 "UPDATE document SET organization = ?1, ref = ?2, ref_key = ?3, title = ?4, type "
                 "= ?5, owner = ?6, classification = ?7, review_months = ?8, next_review = ?9, "
                 "retention = ?10, distribution = ?11, state = ?12, retired = ?13, deleted = ?14, "
                 "version = version + 1, updated_at = ?15, updated_by = ?16 WHERE id = ?17 AND "
                 "version = ?18");
    bind_document(st, document);
    st.bind(15, now).bind(16, m_work.actor()).bind(17, document.id).bind(18, document.version);
    int rc = st.step();
    if (rc == sql::k_constraint && m_db->last_constraint() == sql::Constraint::k_unique) {
      auto r = ref_taken(document.ref);
      return std::unexpected(r.error());
    }
    if (rc != sql::k_done || m_db->changes() != 1)
      return std::unexpected(m_work.db_error("updating the document"));
    core::Document d = document;
    d.ref = util::trim(d.ref);
    d.title = util::trim(d.title);
    d.owner = util::trim(d.owner);
    d.version = document.version + 1;
    d.updated_at = now;
    d.updated_by = m_work.actor();
    if (auto v = write_versions(d); !v) return std::unexpected(v.error());
    if (auto l = write_links(d); !l) return std::unexpected(l.error());
    std::vector<core::Document> one{d};
    if (auto p = load_parts(one); !p) return std::unexpected(p.error());
    d = std::move(one.front());
    if (auto a = m_work.audit("document", std::to_string(d.id), action,
                              codec::to_json(before).dump(), codec::to_json(d).dump());
        !a)
      return std::unexpected(a.error());
    return d;
  }

  UnitOfWork& m_work;
  sql::Connection* m_db;
};

}  // namespace

std::unique_ptr<DocumentStore> make_document_store(UnitOfWork& work) {
  return std::make_unique<SqlDocumentStore>(work);
}

}  // namespace cyberframe::store
