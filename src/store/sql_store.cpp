// The SQLite backend of Store.

#include <openssl/evp.h>
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "codec/json.hpp"
#include "core/input_rules.hpp"
#include "core/password.hpp"
#include "store/migrations.hpp"
#include "store/sql_connection.hpp"
#include "store/sql_open.hpp"
#include "store/store.hpp"
#include "store/unit_of_work.hpp"
#include "util/text.hpp"

namespace cyberframe::store {

using util::ErrorCode;
using util::fail;

bool is_utc_timestamp(std::string_view text) {
  // The one rule for dates and times (core/input_rules.hpp), in its full form only.
  return text.size() == 20 && core::parse_timestamp("", text).has_value();
}

const std::vector<std::string>& sqlite_migrations() {
  // The files of src/store/migrations/sqlite/, in order, embedded by cmake/EmbedMigrations.cmake.
  static const std::vector<std::string> k_migrations = [] {
    std::vector<std::string> out;
    for (const auto& file : embedded_migrations("sqlite")) out.emplace_back(file.sql);
    return out;
  }();
  return k_migrations;
}

Result<std::vector<core::MappingSet>> workspace_mapping_sets(Store& store,
                                                             std::int64_t organization) {
  auto sets = store.mapping_sets(organization);
  if (!sets) return std::unexpected(sets.error());
  std::vector<core::MappingSet> out;
  for (const auto& s : *sets) out.push_back(to_mapping_set(s));
  return out;
}

namespace {

std::string kind_text(const core::CatalogItemRef& ref) {
  return ref.kind == core::CatalogItemRef::Kind::k_framework ? "framework" : "standard";
}

core::CatalogItemRef item_ref(const std::string& kind, const std::string& id) {
  return core::CatalogItemRef{kind == "framework" ? core::CatalogItemRef::Kind::k_framework
                                                  : core::CatalogItemRef::Kind::k_standard,
                              id};
}

nlohmann::json mapping_json(const WorkspaceMapping& m) {
  return {{"id", m.id},
          {"source", m.source},
          {"targets", m.targets},
          {"relationship", std::string(core::to_string(m.relationship))},
          {"rationale", m.rationale},
          {"version", m.version}};
}

nlohmann::json mapping_set_json(const WorkspaceMappingSet& s) {
  nlohmann::json mappings = nlohmann::json::array();
  for (const auto& m : s.mappings) mappings.push_back(mapping_json(m));
  return {{"id", s.id},
          {"organization", s.organization},
          {"name", s.name},
          {"title", s.title},
          {"source", {{kind_text(s.source), s.source.id}}},
          {"target", {{kind_text(s.target), s.target.id}}},
          {"notes", s.notes},
          {"version", s.version},
          {"mappings", mappings}};
}

Result<void> check_mapping(const WorkspaceMapping& m) {
  if (util::trim(m.source).empty())
    return fail(ErrorCode::k_invalid_input, "a mapping needs a source");
  bool none = m.relationship == core::Relationship::k_no_relationship;
  if (none && !m.targets.empty())
    return fail(ErrorCode::k_invalid_input,
                "mapping of " + m.source + " is no-relationship but names a target");
  if (!none && m.targets.empty())
    return fail(ErrorCode::k_invalid_input,
                "mapping of " + m.source + " has no target (use no-relationship)");
  for (const auto& t : m.targets)
    if (util::trim(t).empty())
      return fail(ErrorCode::k_invalid_input, "mapping of " + m.source + " has an empty target");
  if (m.rationale.size() > 2000)
    return fail(ErrorCode::k_invalid_input,
                "the rationale of the mapping of " + m.source + " is longer than 2,000 bytes");
  return {};
}

// k_conflict when another mapping of `set` already maps one of the pairs of `mapping`.
Result<void> check_not_mapped(const WorkspaceMappingSet& set, const WorkspaceMapping& mapping) {
  auto source = util::trim(mapping.source);
  for (const auto& old : set.mappings) {
    if (old.id == mapping.id || old.source != source) continue;
    for (const auto& t : mapping.targets)
      if (std::ranges::find(old.targets, t) != old.targets.end())
        return fail(ErrorCode::k_conflict, mapping.source + " to " + t +
                                               " is already mapped (mapping " +
                                               std::to_string(old.id) + "); edit that one");
  }
  return {};
}

Result<void> check_mapping_set(const WorkspaceMappingSet& s) {
  static const std::string k_id_chars = "abcdefghijklmnopqrstuvwxyz0123456789-.";
  if (s.name.empty() || s.name.size() > 128 ||
      s.name.find_first_not_of(k_id_chars) != std::string::npos || s.name[0] == '-' ||
      s.name[0] == '.')
    return fail(ErrorCode::k_invalid_input,
                "mapping set name '" + s.name +
                    "' is not valid: use lowercase letters, digits, '-' and '.' (at most 128)");
  if (auto n = core::check_text("mapping set name", s.name, core::TextKind::k_reference_name, 128);
      !n)
    return n;
  if (util::trim(s.title).empty())
    return fail(ErrorCode::k_invalid_input, "a mapping set needs a title");
  if (auto t =
          core::check_text("mapping set title", util::trim(s.title), core::TextKind::k_line, 300);
      !t)
    return t;
  if (s.source.id.empty() || s.target.id.empty())
    return fail(ErrorCode::k_invalid_input, "a mapping set needs a source and a target catalog");
  for (const auto& m : s.mappings)
    if (auto c = check_mapping(m); !c) return c;
  return {};
}

}  // namespace

namespace {

std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  std::string out;
  static const char* const k_hex = "0123456789abcdef";
  for (unsigned int i = 0; i < length; ++i) {
    out += k_hex[digest[i] >> 4];
    out += k_hex[digest[i] & 0x0F];
  }
  return out;
}

// A JSON string literal (RFC 8259 escaping).
void append_json_string(std::string& out, const std::string& text) {
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char* const k_hex = "0123456789abcdef";
          out += "\\u00";
          out += k_hex[(c >> 4) & 0xF];
          out += k_hex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// A node assessment as the audit trail records it: compact JSON, keys in a fixed order. Written
// by hand because an import records one for every row.
std::string node_json(const core::NodeAssessment& a) {
  std::string out = "{\"node\":";
  out.reserve(160 + a.notes.size() + a.justification.size());
  append_json_string(out, a.node);
  out += ",\"level\":";
  out += a.level ? std::to_string(*a.level) : "null";
  out += ",\"not_applicable\":";
  out += a.not_applicable ? "true" : "false";
  out += ",\"justification\":";
  append_json_string(out, a.justification);
  out += ",\"owner\":";
  append_json_string(out, a.owner);
  out += ",\"priority\":" + std::to_string(a.priority);
  out += ",\"notes\":";
  append_json_string(out, a.notes);
  out += ",\"version\":" + std::to_string(a.version) + "}";
  return out;
}

// Writers of this process take turns here before SQLite's write lock: SQLite's busy handler
// waits by sleeping (up to 100 ms a turn), so many threads of a server writing at once would
// otherwise queue behind sleeps; a mutex hands the lock over at once. Other processes still meet
// the busy timeout.
std::mutex& write_mutex() {
  static std::mutex m;
  return m;
}

// The id of a reference made of digits (core::is_id_reference): always an id, never a name, so no
// name can stand in the way of a record's id (names that are only digits are refused).
std::int64_t reference_id(const std::string& reference) {
  return std::stoll(reference);
}

using sql::Statement;

// The schema version from which the audit trail is keyed: SQLite's migration 10; PostgreSQL's
// schema is keyed from its first.
int keyed_trail_version(std::string_view dialect) {
  return dialect == "sqlite" ? 10 : 1;
}

// The repositories, written once for both backends: the SQL is SQLite's, which the PostgreSQL
// connection translates where the two differ (sql_connection.hpp).
class SqlStore final : public Store, private UnitOfWork {
 public:
  SqlStore(std::unique_ptr<sql::Connection> connection, AuditFiles audit_files)
      : m_connection(std::move(connection)),
        m_db(m_connection.get()),
        m_audit_files(std::move(audit_files)) {}
  ~SqlStore() override {
    // Statements before the connection they belong to.
    m_risks.reset();
    m_isms.reset();
    m_measurements.reset();
    m_documents.reset();
    m_people.reset();
    m_reviews.reset();
    m_prepared.clear();
    m_audit_insert.reset();
    m_audit_hash_at.reset();
    m_change_counter.reset();
  }

  util::Error db_error(const std::string& what) const {
    return util::Error{ErrorCode::k_io, what + ": " + m_db->error_message()};
  }

  Result<void> exec(const std::string& sql) { return m_db->exec(sql); }

  // --- the unit of work the aggregates' repositories write through (unit_of_work.hpp) ---
  RiskStore& risks() override {
    if (!m_risks) m_risks = make_risk_store(*this);
    return *m_risks;
  }
  IsmsStore& isms() override {
    if (!m_isms) m_isms = make_isms_store(*this);
    return *m_isms;
  }
  MeasurementStore& measurements() override {
    if (!m_measurements) m_measurements = make_measurement_store(*this);
    return *m_measurements;
  }
  DocumentStore& documents() override {
    if (!m_documents) m_documents = make_document_store(*this);
    return *m_documents;
  }
  PeopleStore& people() override {
    if (!m_people) m_people = make_people_store(*this);
    return *m_people;
  }
  ReviewStore& reviews() override {
    if (!m_reviews) m_reviews = make_review_store(*this, isms());
    return *m_reviews;
  }
  sql::Connection* db() override { return m_db; }
  Result<void> write(const std::function<Result<void>()>& body) override {
    return transaction<void>([&]() -> Result<void> { return body(); });
  }
  Result<void> audit(const std::string& entity, const std::string& entity_id,
                     const std::string& action, const std::string& before,
                     const std::string& after) override {
    return audit(m_actor, entity, entity_id, action, before, after, now_utc());
  }
  const std::string& actor() const override { return m_actor; }

  // Runs `body` in one write transaction (sql::Connection::begin_write); rolls back on an error.
  // After a commit that appended audit rows, moves the anchor forward to the new head: outside the
  // write mutex, so the next writer need not wait for it (the anchor's flock orders the writers of
  // the anchor).
  template <typename T, typename F>
  Result<T> transaction(F&& body) {
    m_appended = false;
    m_chained_from.reset();
    m_pending.clear();
    auto result = [&]() -> Result<T> {
      std::lock_guard lock(write_mutex());
      if (auto r = m_db->begin_write(); !r) return std::unexpected(r.error());
      // The end of the trail this connection wrote last is still the end unless something was
      // committed since: SQLite's data version moves with every commit, this connection's and
      // every other's (read at BEGIN IMMEDIATE, which sees the newest state); PostgreSQL's
      // connection reads the end again as it takes the writers' lock.
      if (auto tail = m_db->audit_tail_at_begin())
        m_audit_tail = tail->first == 0 ? std::pair{std::int64_t{0}, k_audit_genesis} : *tail;
      else if (!m_tail_version || m_db->data_version() != *m_tail_version)
        m_audit_tail.reset();
      auto rolled_back = [&] {
        m_db->rollback();
        m_appended = false;
        m_audit_tail.reset();  // it may name a row that is gone
        m_tail_version.reset();
        m_pending.clear();
      };
      Result<T> out = body();
      if (!out) {
        rolled_back();
        return out;
      }
      if (auto r = m_db->commit(); !r) {
        rolled_back();
        return std::unexpected(r.error());
      }
      if (m_audit_tail) m_tail_version = m_db->data_version();
      for (auto& rows : m_pending) {
        auto& to = m_committed;
        if (!to.empty() && to.back().last + 1 == rows.first && to.back().entity == rows.entity)
          to.back().last = rows.last;
        else
          to.push_back(std::move(rows));
      }
      m_pending.clear();
      return out;
    }();
    if (m_appended) advance_anchor();
    return result;
  }

  // A statement prepared once on this connection and kept for its
  // life: the node write runs hundreds of times a second, and preparing its statements cost more
  // than running them. The guard resets the statement and clears its bindings when it goes out
  // of scope, so each use starts clean.
  class Reused {
   public:
    explicit Reused(Statement& st) : m_st(st) {}
    ~Reused() { m_st.reset(); }
    Reused(const Reused&) = delete;
    Reused& operator=(const Reused&) = delete;
    Statement* operator->() { return &m_st; }
    Statement& operator*() { return m_st; }

   private:
    Statement& m_st;
  };
  Reused prepared(std::string_view sql) {
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end())
      it = m_prepared.emplace(std::string(sql), std::make_unique<Statement>(m_db, sql, true)).first;
    return Reused(*it->second);
  }

  // The change is committed whatever happens here: an anchor that cannot be moved lags, which
  // `audit verify` shows (anchor_rows) and accepts; it is never moved past evidence.
  void advance_anchor() {
    AuditHead head;
    head.last_id = head.rows = m_audit_tail->first;
    head.last_hash = m_audit_tail->second;
    (void)m_seal->advance_anchor(head, [this](std::int64_t id, const std::string& hash) {
      if (id == 0) return hash == k_audit_genesis;
      // The row the committed transaction chained its first row to was there, as it was.
      if (m_chained_from && id == m_chained_from->first) return hash == m_chained_from->second;
      if (!m_audit_hash_at)
        m_audit_hash_at = std::make_unique<Statement>(m_db, "SELECT hash FROM audit WHERE id = ?1");
      auto& st = *m_audit_hash_at;
      st.bind(1, id);
      bool same = st.next() && st.text(0) == hash;  // a read error is a mismatch
      st.reset();
      return same;
    });
  }

  Result<void> can_record() override {
    if (m_seal) return {};
    return fail(ErrorCode::k_io, m_seal_problem);
  }

  // Opens the audit key, or records why it cannot be used (writes then fail with that reason).
  void open_seal() {
    auto seal = AuditSeal::open(m_audit_files);
    if (seal) {
      m_seal = std::move(*seal);
      return;
    }
    m_seal_missing = seal.error().code == ErrorCode::k_not_found;
    m_seal_problem =
        seal.error().message +
        (m_seal_missing ? ": without it no change to the workspace can be recorded and its audit "
                          "trail cannot be verified. Restore the key file from its backup, or "
                          "give its place with --audit-key FILE (CYBERFRAME_AUDIT_KEY_FILE)"
                        : "; no change to the workspace can be recorded until it is fixed");
  }

  void set_actor(const std::string& actor) override { m_actor = actor; }

  // Appends one audit row inside the open transaction.
  Result<void> audit(const std::string& actor, const std::string& entity,
                     const std::string& entity_id, const std::string& action,
                     const std::string& before, const std::string& after, const std::string& at) {
    if (!m_seal) return fail(ErrorCode::k_io, m_seal_problem);
    if (!m_audit_tail) {
      Statement last(m_db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
      auto row = last.row();
      if (!row) return std::unexpected(row.error());
      if (*row)
        m_audit_tail = std::pair{last.integer(0), last.text(1)};
      else
        m_audit_tail = std::pair{std::int64_t{0}, k_audit_genesis};
    }
    if (!m_chained_from) m_chained_from = m_audit_tail;
    auto id = m_audit_tail->first + 1;
    auto hash = m_seal->row_hash(m_audit_tail->second,
                                 {id, at, actor, entity, entity_id, action, before, after});
    if (!m_audit_insert) {
      m_audit_insert =
          std::make_unique<Statement>(m_db,
                                      "INSERT INTO audit (id, at, actor, entity, entity_id, "
                                      "action, before, after, previous_hash, hash) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    }
    auto& st = *m_audit_insert;
    st.bind(1, id).bind(2, at).bind(3, actor).bind(4, entity).bind(5, entity_id).bind(6, action);
    st.bind(7, before).bind(8, after).bind(9, m_audit_tail->second).bind(10, hash);
    int rc = m_batch ? st.step_deferred() : st.step();
    st.reset();
    if (rc != sql::k_done)
      return std::unexpected(db_error("recording the change in the audit trail"));
    m_audit_tail = std::pair{id, hash};
    m_appended = true;
    if (!m_pending.empty() && m_pending.back().last + 1 == id && m_pending.back().entity == entity)
      m_pending.back().last = id;
    else
      m_pending.push_back(AppendedRows{id, id, entity});
    return {};
  }

  using Store::audit_log;

  // The WHERE clause of an audit query, naming only the filters that are set so that SQLite
  // can use the index of each (entity and record, actor, time), and its values in order.
  static std::string audit_where(const core::AuditQuery& q, std::int64_t before,
                                 std::vector<std::string>& texts) {
    std::string where;
    auto add = [&](const std::string& value, const char* clause) {
      if (value.empty()) return;
      where += where.empty() ? " WHERE " : " AND ";
      where += clause;
      texts.push_back(value);
    };
    add(q.actor, "actor = ?");
    add(q.entity, "entity = ?");
    add(q.entity_id, "entity_id = ?");
    add(q.action, "action = ?");
    add(q.from, "at >= ?");
    add(q.to, "at <= ?");
    if (before != 0) where += where.empty() ? " WHERE id < ?" : " AND id < ?";
    return where;
  }

  static int bind_audit_where(Statement& st, const std::vector<std::string>& texts,
                              std::int64_t before) {
    int i = 1;
    for (const auto& t : texts) st.bind(i++, t);
    if (before != 0) st.bind(i++, before);
    return i;
  }

  Result<std::vector<AuditRecord>> audit_log(const core::AuditQuery& q) override {
    std::vector<std::string> texts;
    auto sql =
        "SELECT id, at, actor, entity, entity_id, action, before, after, previous_hash, "
        "hash FROM audit" +
        audit_where(q, q.before, texts) + " ORDER BY id DESC LIMIT ?";
    Statement st(m_db, sql.c_str());
    int next = bind_audit_where(st, texts, q.before);
    st.bind(next, static_cast<std::int64_t>(q.limit));
    std::vector<AuditRecord> out;
    while (st.next()) {
      out.push_back(AuditRecord{st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4),
                                st.text(5), st.text(6), st.text(7), st.text(8), st.text(9)});
    }
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    std::reverse(out.begin(), out.end());
    return out;
  }

  Result<std::int64_t> audit_count(const core::AuditQuery& q) override {
    std::vector<std::string> texts;
    auto sql = "SELECT count(*) FROM audit" + audit_where(q, 0, texts);
    Statement st(m_db, sql.c_str());
    bind_audit_where(st, texts, 0);
    std::int64_t n = 0;
    while (st.next()) n = st.integer(0);
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return n;
  }

  Result<AuditVerification> verify_audit() override {
    if (!m_seal) return fail(ErrorCode::k_io, "cannot verify the audit trail: " + m_seal_problem);
    // The anchor first: a write that commits after this reading can only make the trail longer
    // than the anchor, never shorter.
    auto anchor = m_seal->read_anchor();
    if (!anchor) return std::unexpected(anchor.error());
    return check_trail(&*anchor);
  }

  Result<AuditVerification> anchor_audit(const std::string& reason) override {
    if (!m_seal) return fail(ErrorCode::k_io, "cannot anchor the audit trail: " + m_seal_problem);
    auto why = util::trim(reason);
    if (why.empty())
      return fail(ErrorCode::k_invalid_input,
                  "say why the audit trail is anchored again (it is recorded in the trail)");
    if (why.size() > 1000)
      return fail(ErrorCode::k_invalid_input, "the reason is longer than 1,000 bytes");
    auto old = m_seal->read_anchor();
    if (!old) return std::unexpected(old.error());
    auto rows = check_trail(nullptr);
    if (!rows) return std::unexpected(rows.error());
    if (!rows->intact)
      return fail(ErrorCode::k_invalid_input,
                  "the audit trail is broken at row " + std::to_string(rows->first_bad) + " (" +
                      rows->problem +
                      "): anchoring it again would hide that. Restore the workspace from a "
                      "backup taken before that row was written");
    nlohmann::json before = old->state == AnchorReading::State::k_ok
                                ? nlohmann::json{{"rows", old->head.rows},
                                                 {"last_id", old->head.last_id},
                                                 {"last_hash", old->head.last_hash}}
                                : nlohmann::json{{"problem", old->problem}};
    AuditHead head;
    head.keyed_from = rows->keyed_from;
    auto r = transaction<void>([&]() -> Result<void> {
      if (auto a = audit(m_actor, "audit", "trail", "anchor", before.dump(),
                         nlohmann::json{{"reason", why}}.dump(), now_utc());
          !a)
        return a;
      head.last_id = head.rows = m_audit_tail->first;
      head.last_hash = m_audit_tail->second;
      return {};
    });
    if (!r) return std::unexpected(r.error());
    if (auto w = m_seal->write_anchor(head); !w) return std::unexpected(w.error());
    return verify_audit();
  }

  // Checks the rows in one read snapshot: ids without gaps, each row following the one before it,
  // each hash right (SHA-256 before keyed_from, the key's HMAC from it on), and, with an intact
  // anchor, the row it names and the number of rows. Without `anchor`, the rows alone.
  Result<AuditVerification> check_trail(const AnchorReading* anchor) {
    if (auto r = m_db->begin_read(); !r) return std::unexpected(r.error());
    auto v = walk_trail(anchor);
    (void)m_db->commit();
    return v;
  }

  // A read error is an error, not a verified (or broken) trail.
  Result<AuditVerification> walk_trail(const AnchorReading* anchor) {
    AuditVerification v;
    bool anchored = anchor && anchor->state == AnchorReading::State::k_ok;
    if (anchored) {
      v.keyed_from = anchor->head.keyed_from;
      v.anchor_rows = anchor->head.rows;
    } else {
      // Where the key took over, as the trail itself says (the row that records the switch).
      Statement st(m_db, "SELECT min(id) FROM audit WHERE entity = 'audit' AND action = 'key'");
      auto row = st.row();
      if (!row) return std::unexpected(row.error());
      if (*row && !st.is_null(0)) v.keyed_from = st.integer(0);
    }
    Statement st(m_db,
                 "SELECT id, at, actor, entity, entity_id, action, before, after, previous_hash, "
                 "hash FROM audit "
                 "ORDER BY rowid");
    std::string previous = k_audit_genesis;
    std::int64_t expected_id = 1;
    auto fail_at = [&](std::int64_t id, std::string problem) {
      v.intact = false;
      v.first_bad = id;
      v.problem = std::move(problem);
      return v;
    };
    while (st.next()) {
      ++v.rows;
      auto id = st.integer(0);
      auto row = "row " + std::to_string(id);
      if (id != expected_id) {
        return fail_at(id, id > expected_id
                               ? "row " + std::to_string(expected_id) +
                                     " is missing (removed) before row " + std::to_string(id)
                               : row + " is out of order");
      }
      if (st.text(8) != previous)
        return fail_at(id, row + " does not follow the row before it (reordered or replaced)");
      auto at = st.text(1), actor = st.text(2), entity = st.text(3), entity_id = st.text(4),
           action = st.text(5), before = st.text(6), after = st.text(7), hash = st.text(9);
      AuditRowFields fields{id, at, actor, entity, entity_id, action, before, after};
      bool keyed = id >= v.keyed_from;
      if (hash != (keyed ? m_seal->row_hash(previous, fields) : audit_sha256(previous, fields))) {
        if (keyed && hash == audit_sha256(previous, fields))
          return fail_at(id, row +
                                 " carries a plain SHA-256 where the audit key's HMAC belongs: "
                                 "the trail was recomputed without the key");
        return fail_at(id, row + " was edited: its content no longer matches its hash");
      }
      if (anchored && id == anchor->head.last_id && hash != anchor->head.last_hash)
        return fail_at(id, row +
                               " is not the row the anchor recorded (its hash differs): the "
                               "trail was replaced up to this row");
      previous = std::move(hash);
      ++expected_id;
    }
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    if (!anchor) return v;
    const std::string again =
        ". If the trail is known to be right (a restored backup, a lost anchor file), "
        "'cyberframe audit anchor --reason TEXT' anchors it again";
    if (!anchored)
      return fail_at(0, anchor->problem + ": the end of the trail cannot be checked" + again);
    if (static_cast<std::int64_t>(v.rows) < anchor->head.rows) {
      auto first_gone = static_cast<std::int64_t>(v.rows) + 1;
      auto gone = first_gone == anchor->head.rows
                      ? "row " + std::to_string(first_gone) + " was deleted"
                      : "rows " + std::to_string(first_gone) + " to " +
                            std::to_string(anchor->head.rows) + " were deleted";
      return fail_at(first_gone, "the trail ends at row " + std::to_string(v.rows) +
                                     " but its anchor recorded " +
                                     std::to_string(anchor->head.rows) + " rows: " + gone + again);
    }
    return v;
  }

  // Checks a new password against the rules (core/password.hpp) and hashes it with argon2id.
  static Result<std::string> hash_password(const std::string& password, const std::string& name) {
    if (auto problem = core::password_problem(password, name))
      return util::fail_field(ErrorCode::k_invalid_input, *problem, "password");
    if (sodium_init() < 0) return fail(ErrorCode::k_internal, "libsodium could not start");
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
      return fail(ErrorCode::k_io, "not enough memory to hash the password");
    return std::string(hash);
  }

  // By name without regard to case (the unique index user_name_nocase makes it one account).
  Result<User> read_user(const std::string& name) {
    Statement st(m_db,
                 "SELECT id, name, administrator, version, created_at, disabled_at FROM user "
                 "WHERE name = ?1 COLLATE NOCASE");
    st.bind(1, name);
    if (auto row = st.row(); !row)
      return std::unexpected(row.error());
    else if (!*row)
      return fail(ErrorCode::k_not_found, "no user '" + name + "'");
    User u{st.integer(0), st.text(1), st.integer(2) != 0, {},
           st.integer(3), st.text(4), st.text(5)};
    Statement roles(m_db, "SELECT organization, role FROM user_role WHERE user = ?1");
    roles.bind(1, u.id);
    while (roles.next()) {
      auto role = parse_role(roles.text(1));
      if (!role)
        return fail(ErrorCode::k_io, "the workspace holds an unknown role '" + roles.text(1) + "'");
      u.roles[roles.integer(0)] = *role;
    }
    if (auto end = roles.finished(); !end) return std::unexpected(end.error());
    return u;
  }

  Result<User> add_user(const std::string& name, const std::string& password,
                        bool administrator) override {
    if (name.empty() || name.size() > 64 ||
        name.find_first_not_of(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@") !=
            std::string::npos)
      return fail(ErrorCode::k_invalid_input,
                  "user name '" + name + "' must be 1-64 letters, digits, '.', '_', '-' or '@'");
    auto exists = [&](const std::string& existing) {
      return fail(ErrorCode::k_invalid_input,
                  "a user named '" + existing + "' already exists" +
                      (existing == name ? "" : " (names are unique without regard to case)"));
    };
    // Told before the slow hash; the unique index decides inside the transaction.
    if (auto same = read_user(name)) return exists(same->name);
    auto hashed = hash_password(password, name);
    if (!hashed) return std::unexpected(hashed.error());
    const std::string& hash = *hashed;
    return transaction<User>([&]() -> Result<User> {
      Statement st(m_db,
                   "INSERT INTO user (name, password_hash, administrator, created_at) VALUES (?1, "
                   "?2, ?3, ?4)");
      auto now = now_utc();
      st.bind(1, name).bind(2, hash).bind(3, std::int64_t{administrator ? 1 : 0}).bind(4, now);
      int rc = st.step();
      if (rc == sql::k_constraint) {
        auto same = read_user(name);
        return exists(same ? same->name : name);
      }
      if (rc != sql::k_done) return std::unexpected(db_error("adding the user"));
      nlohmann::json after{{"name", name}, {"administrator", administrator}};
      if (auto a = audit(m_actor, "user", name, "create", "null", after.dump(), now); !a)
        return std::unexpected(a.error());
      return read_user(name);
    });
  }

  // Every account with its roles: two queries whatever the number of accounts.
  Result<std::vector<User>> users() override {
    auto all = users(UserQuery{std::nullopt, util::Slice::all()});
    if (!all) return std::unexpected(all.error());
    return std::move(all->items);
  }

  Result<util::Paged<User>> users(const UserQuery& q) override {
    std::string where =
        q.in_organizations
            ? " WHERE id IN (SELECT user FROM user_role WHERE organization IN (SELECT value FROM "
              "json_each(?1)))"
            : "";
    nlohmann::json ids = nlohmann::json::array();
    if (q.in_organizations)
      for (auto id : *q.in_organizations) ids.push_back(id);
    auto bind = [&](Statement& st) {
      if (q.in_organizations) st.bind(1, ids.dump());
    };
    util::Paged<User> out;
    auto total = count_of("SELECT count(*) FROM user" + where, bind);
    if (!total) return std::unexpected(total.error());
    out.total = *total;
    std::map<std::int64_t, std::size_t> index;
    {
      Statement st(m_db, ("SELECT id, name, administrator, version, created_at, disabled_at FROM "
                          "user" +
                          where + " ORDER BY name COLLATE NOCASE" + q.slice.sql())
                             .c_str());
      bind(st);
      while (st.next()) {
        index[st.integer(0)] = out.items.size();
        out.items.push_back(User{st.integer(0),
                                 st.text(1),
                                 st.integer(2) != 0,
                                 {},
                                 st.integer(3),
                                 st.text(4),
                                 st.text(5)});
      }
      if (auto end = st.finished(); !end) return std::unexpected(end.error());
    }
    if (out.items.empty()) return out;
    nlohmann::json page_ids = nlohmann::json::array();
    for (const auto& u : out.items) page_ids.push_back(u.id);
    Statement roles(m_db,
                    "SELECT user, organization, role FROM user_role WHERE user IN (SELECT value "
                    "FROM json_each(?1))");
    roles.bind(1, page_ids.dump());
    while (roles.next()) {
      auto role = parse_role(roles.text(2));
      if (!role)
        return fail(ErrorCode::k_io, "the workspace holds an unknown role '" + roles.text(2) + "'");
      if (auto it = index.find(roles.integer(0)); it != index.end())
        out.items[it->second].roles[roles.integer(1)] = *role;
    }
    if (auto end = roles.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<User> authenticate(const std::string& name, const std::string& password) override {
    static const std::string k_refused = "unknown user or wrong password";
    // An argon2id hash of a random secret nobody kept, with the parameters of the real ones: an
    // unknown name is verified against it, so it takes as long as a wrong password.
    static const char* const k_dummy_hash =
        "$argon2id$v=19$m=65536,t=2,p=1$gn8BnLME0MnsUCJKmDrINQ$"
        "JN/ue3WrQt434MuXYlii98b+t4Em99fYGYhKMyIjwqs";
    if (sodium_init() < 0) return fail(ErrorCode::k_internal, "libsodium could not start");
    std::string hash;
    {  // read and let go before the slow verification (no read snapshot held meanwhile)
      Statement st(m_db, "SELECT password_hash FROM user WHERE name = ?1 COLLATE NOCASE");
      st.bind(1, name);
      auto row = st.row();
      if (!row) return std::unexpected(row.error());
      if (*row) hash = st.text(0);
    }
    bool known = !hash.empty();
    if (!known) hash = k_dummy_hash;
    bool matches = crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
    if (!known || !matches) return fail(ErrorCode::k_not_found, k_refused);
    auto u = read_user(name);
    if (!u) return std::unexpected(u.error());
    if (u->disabled())
      return fail(ErrorCode::k_invalid_input,
                  "account '" + u->name + "' is disabled; an administrator can enable it");
    return u;
  }

  Result<User> grant(const std::string& name, std::int64_t organization, Role role) override {
    return transaction<User>([&]() -> Result<User> {
      auto u = read_user(name);
      if (!u) return std::unexpected(u.error());
      std::string before =
          u->roles.contains(organization) ? std::string(to_string(u->roles[organization])) : "";
      Statement st(
          m_db,
          "INSERT INTO user_role (user, organization, role) VALUES (?1, ?2, ?3) ON CONFLICT (user, "
          "organization) DO UPDATE SET role = excluded.role");
      st.bind(1, u->id).bind(2, organization).bind(3, std::string(to_string(role)));
      int rc = st.step();
      if (rc == sql::k_constraint)
        return fail(ErrorCode::k_not_found,
                    "no organization with id " + std::to_string(organization));
      if (rc != sql::k_done) return std::unexpected(db_error("granting the role"));
      nlohmann::json b = before.empty()
                             ? nlohmann::json(nullptr)
                             : nlohmann::json{{"organization", organization}, {"role", before}};
      nlohmann::json a{{"organization", organization}, {"role", std::string(to_string(role))}};
      if (auto r = audit(m_actor, "user", u->name, "grant", b.dump(), a.dump(), now_utc()); !r)
        return std::unexpected(r.error());
      return read_user(u->name);
    });
  }

  Result<User> user(const std::string& name) override { return read_user(name); }

  Result<User> revoke(const std::string& name, std::int64_t organization) override {
    return transaction<User>([&]() -> Result<User> {
      auto u = read_user(name);
      if (!u) return std::unexpected(u.error());
      if (!u->roles.contains(organization))
        return fail(ErrorCode::k_not_found, "user '" + u->name + "' has no role in organization " +
                                                std::to_string(organization));
      Statement st(m_db, "DELETE FROM user_role WHERE user = ?1 AND organization = ?2");
      st.bind(1, u->id).bind(2, organization);
      if (st.step() != sql::k_done) return std::unexpected(db_error("revoking the role"));
      nlohmann::json b{{"organization", organization},
                       {"role", std::string(to_string(u->roles[organization]))}};
      if (auto r = audit(m_actor, "user", u->name, "revoke", b.dump(), "null", now_utc()); !r)
        return std::unexpected(r.error());
      return read_user(u->name);
    });
  }

  // Deletes every session (and, with `tokens`, every API token) of the account inside the open
  // transaction; the counts go into its audit row.
  Result<std::pair<std::size_t, std::size_t>> end_everything(std::int64_t user, bool tokens) {
    Statement s(m_db, "DELETE FROM session WHERE user = ?1");
    s.bind(1, user);
    if (s.step() != sql::k_done) return std::unexpected(db_error("ending the sessions"));
    auto sessions = static_cast<std::size_t>(m_db->changes());
    std::size_t revoked = 0;
    if (tokens) {
      Statement t(m_db, "DELETE FROM api_token WHERE user = ?1");
      t.bind(1, user);
      if (t.step() != sql::k_done) return std::unexpected(db_error("revoking the API tokens"));
      revoked = static_cast<std::size_t>(m_db->changes());
    }
    return std::pair{sessions, revoked};
  }

  Result<void> set_password(const std::string& name, const std::string& password) override {
    auto found = read_user(name);  // the name as created, for the rule against the name
    if (!found) return std::unexpected(found.error());
    auto hash = hash_password(password, found->name);
    if (!hash) return std::unexpected(hash.error());
    return transaction<void>([&]() -> Result<void> {
      auto u = read_user(name);
      if (!u) return std::unexpected(u.error());
      Statement st(m_db, "UPDATE user SET password_hash = ?1, version = version + 1 WHERE id = ?2");
      st.bind(1, *hash).bind(2, u->id);
      if (st.step() != sql::k_done) return std::unexpected(db_error("changing the password"));
      // A new password ends every session and revokes every token of the account.
      auto ended = end_everything(u->id, true);
      if (!ended) return std::unexpected(ended.error());
      nlohmann::json after{{"sessions_ended", ended->first}, {"tokens_revoked", ended->second}};
      if (auto r = audit(m_actor, "user", u->name, "password", "null", after.dump(), now_utc()); !r)
        return std::unexpected(r.error());
      return {};
    });
  }

  Result<User> set_disabled(const std::string& name, bool disabled) override {
    return transaction<User>([&]() -> Result<User> {
      auto u = read_user(name);
      if (!u) return std::unexpected(u.error());
      if (u->disabled() == disabled) return u;  // as asked already: nothing to record
      if (disabled && u->administrator) {
        Statement others(m_db,
                         "SELECT count(*) FROM user WHERE administrator = 1 AND disabled_at = '' "
                         "AND id != ?1");
        others.bind(1, u->id);
        if (others.step() != sql::k_row)
          return std::unexpected(db_error("counting administrators"));
        if (others.integer(0) == 0)
          return fail(ErrorCode::k_invalid_input,
                      "'" + u->name +
                          "' is the last enabled administrator; add or enable another "
                          "administrator first");
      }
      auto now = now_utc();
      Statement st(m_db, "UPDATE user SET disabled_at = ?2, version = version + 1 WHERE id = ?1");
      st.bind(1, u->id).bind(2, disabled ? now : std::string());
      if (st.step() != sql::k_done) return std::unexpected(db_error("changing the account"));
      nlohmann::json after{{"disabled", disabled}};
      if (disabled) {
        auto ended = end_everything(u->id, true);
        if (!ended) return std::unexpected(ended.error());
        after["sessions_ended"] = ended->first;
        after["tokens_revoked"] = ended->second;
      }
      if (auto r = audit(m_actor, "user", u->name, disabled ? "disable" : "enable",
                         nlohmann::json{{"disabled", !disabled}}.dump(), after.dump(), now);
          !r)
        return std::unexpected(r.error());
      return read_user(u->name);
    });
  }

  // Signing in and out is recorded in the audit trail (who, when; never the secret), which also
  // tells every server sharing the workspace that its cached sessions are out of date.
  Result<void> create_session(const Session& s) override {
    return transaction<void>([&]() -> Result<void> {
      // An account disabled since its password was checked gets no session.
      Statement enabled(m_db, "SELECT 1 FROM user WHERE id = ?1 AND disabled_at = ''");
      enabled.bind(1, s.user);
      if (auto row = enabled.row(); !row)
        return std::unexpected(row.error());
      else if (!*row)
        return fail(ErrorCode::k_invalid_input, "the account is disabled or no longer exists");
      Statement st(m_db,
                   "INSERT INTO session (token_hash, user, csrf, created_at, expires_at, "
                   "last_seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      st.bind(1, s.token_hash)
          .bind(2, s.user)
          .bind(3, s.csrf)
          .bind(4, s.created_at)
          .bind(5, s.expires_at)
          .bind(6, s.last_seen_at);
      if (st.step() != sql::k_done) return std::unexpected(db_error("starting the session"));
      // Sessions past their end are removed as new ones start.
      Statement gc(m_db, "DELETE FROM session WHERE expires_at < ?1");
      gc.bind(1, s.created_at);
      gc.step();
      auto name = user_name(s.user);
      return audit(name, "session", name, "sign-in", "null",
                   nlohmann::json{{"expires_at", s.expires_at}}.dump(), s.created_at);
    });
  }

  std::string user_name(std::int64_t id) {
    Statement st(m_db, "SELECT name FROM user WHERE id = ?1");
    st.bind(1, id);
    return st.next() ? st.text(0) : std::to_string(id);  // a label: the id when unreadable
  }

  Result<Session> session(const std::string& token_hash) override {
    Statement st(m_db,
                 "SELECT s.token_hash, s.user, u.name, s.csrf, s.created_at, s.expires_at, "
                 "s.last_seen_at FROM session s JOIN user u ON u.id = s.user WHERE "
                 "s.token_hash = ?1");
    st.bind(1, token_hash);
    if (auto row = st.row(); !row)
      return std::unexpected(row.error());
    else if (!*row)
      return fail(ErrorCode::k_not_found, "no such session");
    return Session{st.text(0), st.integer(1), st.text(2), st.text(3),
                   st.text(4), st.text(5),    st.text(6)};
  }

  Result<void> touch_session(const std::string& token_hash, const std::string& at) override {
    std::lock_guard lock(write_mutex());
    Statement st(m_db, "UPDATE session SET last_seen_at = ?2 WHERE token_hash = ?1");
    st.bind(1, token_hash).bind(2, at);
    if (st.step() != sql::k_done) return std::unexpected(db_error("updating the session"));
    return {};
  }

  Result<std::size_t> end_sessions(std::int64_t user, const std::string& token_hash) override {
    return transaction<std::size_t>([&]() -> Result<std::size_t> {
      nlohmann::json counts;
      std::size_t ended = 0;
      if (token_hash.empty()) {
        auto all = end_everything(user, true);
        if (!all) return std::unexpected(all.error());
        ended = all->first;
        counts = {{"sessions", all->first}, {"tokens", all->second}};
        if (all->first == 0 && all->second == 0) return ended;
      } else {
        Statement st(m_db, "DELETE FROM session WHERE user = ?1 AND token_hash = ?2");
        st.bind(1, user).bind(2, token_hash);
        if (st.step() != sql::k_done) return std::unexpected(db_error("ending the session"));
        ended = static_cast<std::size_t>(m_db->changes());
        if (ended == 0) return ended;
        counts = {{"sessions", ended}};
      }
      auto name = user_name(user);
      if (auto r =
              audit(name, "session", name, token_hash.empty() ? "sign-out-everywhere" : "sign-out",
                    counts.dump(), "null", now_utc());
          !r)
        return std::unexpected(r.error());
      return ended;
    });
  }

  Result<void> record_failed_sign_in(const std::string& name, const std::string& address,
                                     std::size_t failures, long delay_seconds) override {
    return transaction<void>([&]() -> Result<void> {
      nlohmann::json after{
          {"address", address}, {"failures", failures}, {"delay_seconds", delay_seconds}};
      return audit("anonymous", "session", name, "sign-in-failed", "null",
                   after.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), now_utc());
    });
  }

  // The login throttle's rows: upserted in the keys' order (sorted), which locks them in that
  // order on PostgreSQL, so that two transactions wanting overlapping keys never wait for each
  // other in a circle; changed by `change` (the rule, core/login_throttle.hpp); written back.
  Result<void> update_login_throttle(const std::vector<std::string>& keys,
                                     core::throttle::Millis now, const ThrottleChange& change,
                                     std::size_t max_keys) override {
    namespace th = core::throttle;
    std::vector<std::string> sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    if (sorted.empty()) return {};
    bool pg = m_db->dialect() == "postgresql";
    // On SQLite the writers of this process take turns before the file's write lock, as in
    // transaction(); on PostgreSQL the rows' locks order the throttle's writers, and only them.
    std::unique_lock lock(write_mutex(), std::defer_lock);
    if (!pg) lock.lock();
    if (auto r = m_db->begin_row_write(); !r) return r;
    // No audit row is written: the end of the trail this connection knows stays the end when
    // nothing else was committed since it was read.
    bool tail_current =
        !pg && m_audit_tail && m_tail_version && m_db->data_version() == *m_tail_version;
    auto result = [&]() -> Result<void> {
      std::string sql = "INSERT INTO login_throttle (throttle_key) VALUES ";
      for (std::size_t i = 0; i < sorted.size(); ++i)
        sql += (i ? ", (?" : "(?") + std::to_string(i + 1) + ")";
      sql +=
          " ON CONFLICT (throttle_key) DO UPDATE SET failures = login_throttle.failures "
          "RETURNING throttle_key, failures, in_flight, in_flight_until, next_allowed, "
          "last_failure, last_audit, audited, unaudited";
      std::map<std::string, th::KeyState> read;
      bool added = false;
      {
        auto st = prepared(sql);
        for (std::size_t i = 0; i < sorted.size(); ++i)
          st->bind(static_cast<int>(i + 1), sorted[i]);
        while (st->next()) {
          th::KeyState k{st->text(0),    st->integer(1),      st->integer(2),
                         st->integer(3), st->integer(4),      st->integer(5),
                         st->integer(6), st->integer(7) != 0, st->integer(8)};
          // A row of zeros was just added (a stored row never says nothing: it is deleted).
          added = added || (k.failures == 0 && k.in_flight == 0 && k.in_flight_until == 0 &&
                            k.next_allowed == 0 && k.last_failure == 0 && k.unaudited == 0);
          read[k.key] = std::move(k);
        }
        if (auto end = st->finished(); !end) return end;
      }
      std::vector<th::KeyState> rows;  // in the order of `keys`, each once
      for (const auto& key : keys) {
        auto it = read.find(key);
        if (it != read.end()) {
          rows.push_back(std::move(it->second));
          read.erase(it);
        } else if (std::none_of(rows.begin(), rows.end(),
                                [&](const th::KeyState& k) { return k.key == key; })) {
          return fail(ErrorCode::k_io, "the login throttle's row of " + key + " was not read");
        }
      }
      change(rows);
      for (const auto& k : rows) {
        if (th::says_nothing(k, now)) {
          auto del = prepared("DELETE FROM login_throttle WHERE throttle_key = ?1");
          del->bind(1, k.key);
          if (del->step() != sql::k_done)
            return std::unexpected(db_error("updating the login throttle"));
          continue;
        }
        auto put = prepared(
            "UPDATE login_throttle SET failures = ?2, in_flight = ?3, in_flight_until = ?4, "
            "next_allowed = ?5, last_failure = ?6, last_audit = ?7, audited = ?8, unaudited = ?9 "
            "WHERE throttle_key = ?1");
        put->bind(1, k.key).bind(2, k.failures).bind(3, k.in_flight).bind(4, k.in_flight_until);
        put->bind(5, k.next_allowed).bind(6, k.last_failure).bind(7, k.last_audit);
        put->bind(8, std::int64_t{k.audited ? 1 : 0}).bind(9, k.unaudited);
        if (put->step() != sql::k_done)
          return std::unexpected(db_error("updating the login throttle"));
      }
      if (!added) return {};
      return bound_login_throttle(now, max_keys, pg);
    }();
    if (!result) {
      m_db->rollback();
      return result;
    }
    if (auto r = m_db->commit(); !r) {
      m_db->rollback();
      return r;
    }
    if (tail_current) m_tail_version = m_db->data_version();
    return {};
  }

  // Keeps the throttle within `max_keys` (inside update_login_throttle's transaction): first
  // what core::throttle::forgettable lets go (no reservation counting, no delay running, quiet
  // for an hour), then the stalest of the rest not in flight, down to nine tenths of the bound.
  // PostgreSQL skips rows another transaction holds (they are in use).
  Result<void> bound_login_throttle(core::throttle::Millis now, std::size_t max_keys, bool pg) {
    namespace th = core::throttle;
    auto bound = static_cast<std::int64_t>(max_keys);
    Statement count(m_db, "SELECT count(*) FROM login_throttle");
    auto row = count.row();
    if (!row) return std::unexpected(row.error());
    auto n = *row ? count.integer(0) : 0;
    if (n <= bound) return {};
    const std::string skip_locked = pg ? " FOR UPDATE SKIP LOCKED" : "";
    const std::string idle = "(in_flight = 0 OR in_flight_until <= ?1)";
    Statement forget(m_db,
                     "DELETE FROM login_throttle WHERE throttle_key IN (SELECT throttle_key "
                     "FROM login_throttle WHERE " +
                         idle + " AND next_allowed <= ?1 AND last_failure < ?2" + skip_locked +
                         ")");
    forget.bind(1, now).bind(2, now - th::k_forget_after);
    if (forget.step() != sql::k_done)
      return std::unexpected(db_error("forgetting the login throttle's old keys"));
    n -= m_db->changes();
    auto target = bound - bound / 10;
    if (n <= bound) return {};
    Statement stalest(m_db,
                      "DELETE FROM login_throttle WHERE throttle_key IN (SELECT "
                      "throttle_key FROM login_throttle WHERE " +
                          idle + " ORDER BY last_failure LIMIT ?2" + skip_locked + ")");
    stalest.bind(1, now).bind(2, n - target);
    if (stalest.step() != sql::k_done)
      return std::unexpected(db_error("dropping the login throttle's stalest keys"));
    return {};
  }

  Result<std::int64_t> login_throttle_keys() override {
    Statement st(m_db, "SELECT count(*) FROM login_throttle");
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    return *row ? st.integer(0) : 0;
  }

  static ApiToken read_token(const Statement& st) {
    auto scope = parse_token_scope(st.text(6));
    return ApiToken{st.integer(0),
                    st.integer(1),
                    st.text(2),
                    st.text(3),
                    st.text(4),
                    st.text(5),
                    scope.value_or(TokenScope::k_read_only),
                    st.integer(7)};
  }

  Result<ApiToken> create_token(const ApiToken& token, const std::string& token_hash) override {
    auto name = util::trim(token.name);
    if (name.empty() || token.name.size() > 100)
      return fail(ErrorCode::k_invalid_input, "a token needs a name of 1-100 characters");
    if (auto n = core::check_text("token name", name, core::TextKind::k_name, 100); !n)
      return std::unexpected(n.error());
    auto now = now_utc();
    if (!is_utc_timestamp(token.expires_at))
      return fail(ErrorCode::k_invalid_input,
                  "a token's expiry is a UTC time such as 2026-12-31T23:59:59Z, not '" +
                      token.expires_at + "'");
    if (token.expires_at <= now)
      return fail(ErrorCode::k_invalid_input, "a token's expiry must be in the future");
    if (token.expires_at > utc_after(std::chrono::days(k_token_max_days) + std::chrono::minutes(1)))
      return fail(ErrorCode::k_invalid_input,
                  "a token lives at most " + std::to_string(k_token_max_days) + " days");
    return transaction<ApiToken>([&]() -> Result<ApiToken> {
      auto owner = read_user(user_name(token.user));
      if (!owner) return std::unexpected(owner.error());
      if (owner->disabled())
        return fail(ErrorCode::k_invalid_input, "account '" + owner->name + "' is disabled");
      if (token.organization != 0) {
        Statement org(m_db, "SELECT 1 FROM organization WHERE id = ?1");
        org.bind(1, token.organization);
        if (auto row = org.row(); !row)
          return std::unexpected(row.error());
        else if (!*row)
          return fail(ErrorCode::k_invalid_input,
                      "no organization " + std::to_string(token.organization));
        if (!owner->administrator && !owner->roles.contains(token.organization))
          return fail(ErrorCode::k_invalid_input,
                      "account '" + owner->name + "' has no role in organization " +
                          std::to_string(token.organization) +
                          "; a token can be limited only to an organization the account works in");
      }
      Statement st(m_db,
                   "INSERT INTO api_token (user, name, token_hash, created_at, expires_at, scope, "
                   "organization) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULLIF(?7, 0)) RETURNING id");
      st.bind(1, token.user).bind(2, name).bind(3, token_hash).bind(4, now);
      st.bind(5, token.expires_at).bind(6, std::string(to_string(token.scope)));
      st.bind(7, token.organization);
      if (st.step() != sql::k_row) return std::unexpected(db_error("creating the token"));
      ApiToken t = token;
      t.id = st.integer(0);
      t.name = name;
      t.created_at = now;
      t.last_used_at = "";
      nlohmann::json after{{"name", t.name},
                           {"user", t.user},
                           {"expires_at", t.expires_at},
                           {"scope", std::string(to_string(t.scope))},
                           {"organization", t.organization == 0 ? nlohmann::json(nullptr)
                                                                : nlohmann::json(t.organization)}};
      if (auto r =
              audit(m_actor, "token", std::to_string(t.id), "create", "null", after.dump(), now);
          !r)
        return std::unexpected(r.error());
      return t;
    });
  }

  Result<std::vector<ApiToken>> tokens(std::int64_t user) override {
    Statement st(m_db,
                 "SELECT id, user, name, created_at, last_used_at, expires_at, scope, "
                 "coalesce(organization, 0) FROM api_token WHERE user = ?1 ORDER BY id");
    st.bind(1, user);
    std::vector<ApiToken> out;
    while (st.next()) out.push_back(read_token(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<void> revoke_token(std::int64_t user, std::int64_t id) override {
    return transaction<void>([&]() -> Result<void> {
      Statement st(m_db, "DELETE FROM api_token WHERE id = ?1 AND user = ?2 RETURNING name");
      st.bind(1, id).bind(2, user);
      if (auto row = st.row(); !row)
        return std::unexpected(row.error());
      else if (!*row)
        return fail(ErrorCode::k_not_found,
                    "account '" + user_name(user) + "' has no token with id " + std::to_string(id));
      auto name = st.text(0);
      st.step();
      if (auto r = audit(m_actor, "token", std::to_string(id), "revoke",
                         nlohmann::json{{"name", name}, {"user", user}}.dump(), "null", now_utc());
          !r)
        return std::unexpected(r.error());
      return {};
    });
  }

  Result<std::pair<ApiToken, User>> token_user(const std::string& token_hash) override {
    static const std::string k_unknown = "unknown or expired API token";
    std::string owner;
    ApiToken t;
    {
      Statement st(m_db,
                   "SELECT t.id, t.user, t.name, t.created_at, t.last_used_at, t.expires_at, "
                   "t.scope, coalesce(t.organization, 0), u.name FROM api_token t JOIN user u ON "
                   "u.id = t.user WHERE t.token_hash = ?1");
      st.bind(1, token_hash);
      if (auto row = st.row(); !row)
        return std::unexpected(row.error());
      else if (!*row)
        return fail(ErrorCode::k_not_found, k_unknown);
      t = read_token(st);
      owner = st.text(8);
    }
    auto now = now_utc();
    if (t.expires_at <= now) return fail(ErrorCode::k_not_found, k_unknown);
    auto u = read_user(owner);
    if (!u) return std::unexpected(u.error());
    if (u->disabled()) return fail(ErrorCode::k_not_found, k_unknown);
    if (t.last_used_at.substr(0, 10) != now.substr(0, 10)) {  // at most one write a day per token
      std::lock_guard lock(write_mutex());
      Statement up(m_db, "UPDATE api_token SET last_used_at = ?2 WHERE id = ?1");
      up.bind(1, t.id).bind(2, now);
      up.step();
    }
    return std::pair{t, *u};
  }

  Result<Comment> add_comment(std::int64_t profile, const std::string& node,
                              const std::string& author, const std::string& text) override {
    if (util::trim(text).empty() || text.size() > 10000)
      return fail(ErrorCode::k_invalid_input, "a comment has 1-10000 characters");
    return transaction<Comment>([&]() -> Result<Comment> {
      auto now = now_utc();
      Statement st(m_db,
                   "INSERT INTO node_comment (profile, node, author, at, text) VALUES (?1, ?2, "
                   "?3, ?4, ?5) RETURNING id");
      st.bind(1, profile).bind(2, node).bind(3, author).bind(4, now).bind(5, text);
      if (st.step() != sql::k_row) return std::unexpected(db_error("adding the comment"));
      Comment c{st.integer(0), profile, node, author, now, text};
      if (auto r = audit(author, "comment", std::to_string(profile) + "/" + node, "create", "null",
                         nlohmann::json{{"id", c.id}, {"text", text}}.dump(), now);
          !r)
        return std::unexpected(r.error());
      return c;
    });
  }

  Result<std::vector<Comment>> comments(std::int64_t profile, const std::string& node) override {
    Statement st(m_db,
                 "SELECT id, profile, node, author, at, text FROM node_comment WHERE profile = ?1 "
                 "AND node = ?2 ORDER BY id");
    st.bind(1, profile).bind(2, node);
    std::vector<Comment> out;
    while (st.next())
      out.push_back(
          Comment{st.integer(0), st.integer(1), st.text(2), st.text(3), st.text(4), st.text(5)});
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  std::vector<AppendedRows> take_appended() override { return std::exchange(m_committed, {}); }

  void record_statements(bool on) override {
    m_db->record_statements(on ? &m_statements : nullptr);
  }
  std::vector<std::string> statements_run() override { return std::exchange(m_statements, {}); }

  Result<std::int64_t> change_counter() override {
    if (!m_change_counter)
      m_change_counter =
          std::make_unique<Statement>(m_db, "SELECT coalesce(max(id), 0) FROM audit");
    auto& st = *m_change_counter;
    if (st.step() != sql::k_row) {
      st.reset();
      return std::unexpected(db_error("reading the change counter"));
    }
    auto n = st.integer(0);
    st.reset();
    return n;
  }

  Result<int> schema_version() override { return m_db->schema_version(); }

  // What to add to "... named 'EXISTING' already exists" when `name` differs from it in case.
  static std::string same_name(const std::string& existing, const std::string& name) {
    return existing == name
               ? ""
               : " ('" + name + "' is the same name: names are compared without regard to case)";
  }

  Result<core::Organization> create_organization(const std::string& name,
                                                 const std::string& scope) override {
    auto clean = util::trim(name);
    if (clean.empty()) return fail(ErrorCode::k_invalid_input, "an organization needs a name");
    if (auto n =
            core::check_text("organization name", clean, core::TextKind::k_reference_name, 200);
        !n)
      return std::unexpected(n.error());
    auto key = util::caseless_key(clean);
    return transaction<core::Organization>([&]() -> Result<core::Organization> {
      // Names of a workspace migrated with case duplicates have no key but the oldest: the exact
      // name is looked for too.
      Statement taken(m_db,
                      "SELECT name FROM organization WHERE name_key = ?1 OR name = ?2 ORDER BY "
                      "name = ?2 DESC LIMIT 1");
      taken.bind(1, key).bind(2, clean);
      auto row = taken.row();
      if (!row) return std::unexpected(row.error());
      if (*row)
        return fail(ErrorCode::k_invalid_input, "an organization named '" + taken.text(0) +
                                                    "' already exists" +
                                                    same_name(taken.text(0), clean));
      Statement st(m_db,
                   "INSERT INTO organization (name, name_key, scope, created_at) VALUES (?1, ?4, "
                   "?2, ?3) RETURNING id, created_at");
      st.bind(1, clean).bind(2, scope).bind(3, now_utc()).bind(4, key);
      int rc = st.step();
      if (rc == sql::k_constraint)
        return fail(ErrorCode::k_invalid_input,
                    "an organization named '" + clean + "' already exists");
      if (rc != sql::k_row) return std::unexpected(db_error("creating the organization"));
      core::Organization org{st.integer(0), clean, scope, 1, st.text(1)};
      if (auto a = audit(m_actor, "organization", std::to_string(org.id), "create", "null",
                         nlohmann::json{{"name", org.name}, {"scope", org.scope}}.dump(),
                         org.created_at);
          !a)
        return std::unexpected(a.error());
      return org;
    });
  }

  Result<std::vector<core::Organization>> organizations() override {
    Statement st(m_db,
                 "SELECT id, name, scope, version, created_at FROM organization ORDER BY name");
    std::vector<core::Organization> out;
    while (st.next())
      out.push_back(
          core::Organization{st.integer(0), st.text(1), st.text(2), st.integer(3), st.text(4)});
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  // The number a query of one integer column answers (count(*) of a list's filter).
  Result<std::size_t> count_of(const std::string& sql,
                               const std::function<void(Statement&)>& bind) {
    Statement st(m_db, sql.c_str());
    bind(st);
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    return *row ? static_cast<std::size_t>(st.integer(0)) : 0;
  }

  Result<util::Paged<core::Organization>> organizations(const OrganizationQuery& q) override {
    // Only the ids given (a JSON array), unless every organization is asked for.
    std::string where = q.only ? " WHERE id IN (SELECT value FROM json_each(?1))" : "";
    nlohmann::json ids = nlohmann::json::array();
    if (q.only)
      for (auto id : *q.only) ids.push_back(id);
    auto bind = [&](Statement& st) {
      if (q.only) st.bind(1, ids.dump());
    };
    util::Paged<core::Organization> out;
    auto total = count_of("SELECT count(*) FROM organization" + where, bind);
    if (!total) return std::unexpected(total.error());
    out.total = *total;
    Statement st(m_db, ("SELECT id, name, scope, version, created_at FROM organization" + where +
                        " ORDER BY name" + q.slice.sql())
                           .c_str());
    bind(st);
    while (st.next())
      out.items.push_back(
          core::Organization{st.integer(0), st.text(1), st.text(2), st.integer(3), st.text(4)});
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<core::Organization> organization(const std::string& name_or_id) override {
    bool by_id = core::is_id_reference(name_or_id);
    Statement st(m_db, by_id ? "SELECT id, name, scope, version, created_at FROM organization "
                               "WHERE id = ?1"
                             : "SELECT id, name, scope, version, created_at FROM organization "
                               "WHERE name = ?1");
    if (by_id)
      st.bind(1, reference_id(name_or_id));
    else
      st.bind(1, name_or_id);
    if (auto row = st.row(); !row)
      return std::unexpected(row.error());
    else if (!*row)
      return fail(ErrorCode::k_not_found,
                  "no organization '" + name_or_id + "' (see 'cyberframe org list')");
    return core::Organization{st.integer(0), st.text(1), st.text(2), st.integer(3), st.text(4)};
  }

  Result<core::Profile> create_profile(const core::Profile& p) override {
    return transaction<core::Profile>([&]() { return insert_profile(p, m_actor); });
  }

  // Inside a transaction: the profile's row and its audit row.
  Result<core::Profile> insert_profile(const core::Profile& p, const std::string& actor) {
    auto clean = util::trim(p.name);
    if (clean.empty()) return fail(ErrorCode::k_invalid_input, "a profile needs a name");
    if (auto n = core::check_text("profile name", clean, core::TextKind::k_reference_name, 200); !n)
      return std::unexpected(n.error());
    auto key = util::caseless_key(clean);
    {
      Statement taken(m_db,
                      "SELECT name FROM profile WHERE organization = ?1 AND (name_key = ?2 OR "
                      "name = ?3) ORDER BY name = ?3 DESC LIMIT 1");
      taken.bind(1, p.organization).bind(2, key).bind(3, clean);
      auto row = taken.row();
      if (!row) return std::unexpected(row.error());
      if (*row)
        return fail(ErrorCode::k_invalid_input, "the organization already has a profile named '" +
                                                    taken.text(0) + "'" +
                                                    same_name(taken.text(0), clean));
      Statement st(m_db,
                   "INSERT INTO profile (organization, name, name_key, framework, kind, scale, "
                   "created_at, updated_at) "
                   "VALUES (?1, ?2, ?7, ?3, ?4, ?5, ?6, ?6) RETURNING id");
      auto now = now_utc();
      st.bind(1, p.organization).bind(2, clean).bind(3, p.framework);
      st.bind(4, std::string(core::to_string(p.kind))).bind(5, p.scale).bind(6, now);
      st.bind(7, key);
      int rc = st.step();
      if (rc == sql::k_constraint)
        return fail(ErrorCode::k_invalid_input,
                    "the organization already has a profile named '" + clean + "'");
      if (rc != sql::k_row) return std::unexpected(db_error("creating the profile"));
      auto out = p;
      out.id = st.integer(0);
      out.name = clean;
      out.version = 1;
      out.created_at = out.updated_at = now;
      nlohmann::json after{{"organization", out.organization},
                           {"name", out.name},
                           {"framework", out.framework},
                           {"kind", std::string(core::to_string(out.kind))},
                           {"scale", out.scale}};
      if (auto a =
              audit(actor, "profile", std::to_string(out.id), "create", "null", after.dump(), now);
          !a)
        return std::unexpected(a.error());
      return out;
    }
  }

  static core::Profile profile_from(const Statement& st) {
    core::Profile p;
    p.id = st.integer(0);
    p.organization = st.integer(1);
    p.name = st.text(2);
    p.framework = st.text(3);
    p.kind = core::parse_profile_kind(st.text(4)).value_or(core::ProfileKind::k_current);
    p.scale = st.text(5);
    p.version = st.integer(6);
    p.created_at = st.text(7);
    p.updated_at = st.text(8);
    return p;
  }

  Result<core::Profile> profile(const std::string& reference) override {
    static const std::string k_cols =
        "SELECT id, organization, name, framework, kind, scale, version, created_at, updated_at "
        "FROM profile ";
    auto slash = reference.find('/');
    std::vector<core::Profile> found;
    if (core::is_id_reference(reference)) {
      Statement st(m_db, (k_cols + "WHERE id = ?1").c_str());
      st.bind(1, reference_id(reference));
      while (st.next()) found.push_back(profile_from(st));
      if (auto end = st.finished(); !end) return std::unexpected(end.error());
    } else if (slash != std::string::npos) {
      // ORGANIZATION/NAME: the organization by name or id, the profile by name within it.
      if (auto org = organization(reference.substr(0, slash))) {
        Statement st(m_db, (k_cols + "WHERE organization = ?1 AND name = ?2").c_str());
        st.bind(1, org->id).bind(2, reference.substr(slash + 1));
        while (st.next()) found.push_back(profile_from(st));
        if (auto end = st.finished(); !end) return std::unexpected(end.error());
      }
    } else {
      // A name alone, for the command line: found when one organization has it.
      Statement st(m_db, (k_cols + "WHERE name = ?1").c_str());
      st.bind(1, reference);
      while (st.next()) found.push_back(profile_from(st));
      if (auto end = st.finished(); !end) return std::unexpected(end.error());
    }
    if (found.empty())
      return fail(ErrorCode::k_not_found,
                  "no profile '" + reference + "' (see 'cyberframe profile list')");
    if (found.size() > 1)
      return fail(ErrorCode::k_invalid_input, "several organizations have a profile '" + reference +
                                                  "': name it as ORGANIZATION/PROFILE");
    return found.front();
  }

  Result<std::vector<core::Profile>> profiles(std::int64_t organization) override {
    Statement st(m_db,
                 "SELECT id, organization, name, framework, kind, scale, version, created_at, "
                 "updated_at FROM profile "
                 "WHERE organization = ?1 ORDER BY name");
    st.bind(1, organization);
    std::vector<core::Profile> out;
    while (st.next()) out.push_back(profile_from(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<util::Paged<core::Profile>> profiles(std::int64_t organization,
                                              const util::Slice& slice) override {
    auto bind = [&](Statement& st) { st.bind(1, organization); };
    util::Paged<core::Profile> out;
    auto total = count_of("SELECT count(*) FROM profile WHERE organization = ?1", bind);
    if (!total) return std::unexpected(total.error());
    out.total = *total;
    Statement st(m_db,
                 ("SELECT id, organization, name, framework, kind, scale, version, created_at, "
                  "updated_at FROM profile WHERE organization = ?1 ORDER BY name" +
                  slice.sql())
                     .c_str());
    bind(st);
    while (st.next()) out.items.push_back(profile_from(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<std::map<std::int64_t, std::size_t>> assessed_counts(std::int64_t organization) override {
    Statement st(
        m_db,
        "SELECT p.id, count(n.node) FROM profile p LEFT JOIN node_assessment n ON n.profile = p.id "
        "AND (n.level IS NOT NULL OR n.not_applicable = 1) WHERE p.organization = ?1 GROUP BY "
        "p.id");
    st.bind(1, organization);
    std::map<std::int64_t, std::size_t> out;
    while (st.next()) out[st.integer(0)] = static_cast<std::size_t>(st.integer(1));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<std::map<std::string, core::NodeAssessment>> node_assessments(
      std::int64_t profile) override {
    return read_nodes(profile, "");
  }

  Result<core::NodeAssessment> node_assessment(std::int64_t profile,
                                               const std::string& node) override {
    auto rows = read_nodes(profile, node);
    if (!rows) return std::unexpected(rows.error());
    if (auto it = rows->find(node); it != rows->end()) return it->second;
    core::NodeAssessment a;
    a.node = node;
    return a;
  }

  // The node assessments of a profile with their evidence: every node, or only `only_node`.
  Result<std::map<std::string, core::NodeAssessment>> read_nodes(std::int64_t profile,
                                                                 const std::string& only_node) {
    auto rows = read_node_rows(profile, only_node);
    if (!rows) return std::unexpected(rows.error());
    auto& out = *rows;
    Statement ev(m_db,
                 "SELECT id, node, kind, name, url, coalesce(sha256, ''), size, added_at, added_by "
                 "FROM evidence "
                 "WHERE profile = ?1 AND (?2 = '' OR node = ?2) ORDER BY id");
    ev.bind(1, profile).bind(2, only_node);
    while (ev.next()) {
      auto& a = out[ev.text(1)];
      if (a.node.empty()) a.node = ev.text(1);
      a.evidence.push_back(core::Evidence{ev.integer(0), ev.text(2), ev.text(3), ev.text(4),
                                          ev.text(5), ev.integer(6), ev.text(7), ev.text(8)});
    }
    if (auto end = ev.finished(); !end) return std::unexpected(end.error());
    return std::move(out);
  }

  // The stored rows of a profile's nodes (every node, or only `only_node`), without evidence.
  Result<std::map<std::string, core::NodeAssessment>> read_node_rows(std::int64_t profile,
                                                                     const std::string& only_node) {
    std::map<std::string, core::NodeAssessment> out;
    Statement st(m_db,
                 "SELECT node, level, not_applicable, justification, owner, priority, notes, "
                 "version, updated_at, "
                 "updated_by FROM node_assessment WHERE profile = ?1 AND (?2 = '' OR node = ?2)");
    st.bind(1, profile).bind(2, only_node);
    while (st.next()) {
      core::NodeAssessment a;
      a.node = st.text(0);
      a.level = st.optional_int(1);
      a.not_applicable = st.integer(2) != 0;
      a.justification = st.text(3);
      a.owner = st.text(4);
      a.priority = static_cast<int>(st.integer(5));
      a.notes = st.text(6);
      a.version = st.integer(7);
      a.updated_at = st.text(8);
      a.updated_by = st.text(9);
      out.emplace(a.node, std::move(a));
    }
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  // The stored rows as the audit trail records them (JSON), by node.
  Result<std::map<std::string, std::string>> stored_nodes(std::int64_t profile,
                                                          const std::string& only_node) {
    auto rows = read_node_rows(profile, only_node);
    if (!rows) return std::unexpected(rows.error());
    std::map<std::string, std::string> out;
    for (const auto& [node, a] : *rows) out[node] = node_json(a);
    return out;
  }

  // Writes one row inside an open transaction. With `as_read` (the row as the caller read it at
  // `expected`), the write names every field the audit records in its WHERE, so it applies only
  // while the stored row is exactly that one and the audit's before is known without reading:
  // three statements with the profile's version and the audit row. Otherwise, or when the row
  // has changed, the row is read once and the conflict told from it.
  Result<core::NodeAssessment> write_node(std::int64_t profile, const core::NodeAssessment& a,
                                          std::optional<std::int64_t> expected,
                                          const core::NodeAssessment* as_read,
                                          const std::string& actor, const std::string& now) {
    auto out = a;
    out.updated_at = now;
    out.updated_by = actor;
    auto recorded = [&](std::int64_t version,
                        const std::string& before) -> Result<core::NodeAssessment> {
      out.version = version + 1;
      if (auto r = audit(actor, "node", std::to_string(profile) + "/" + a.node,
                         version == 0 ? "create" : "update", before, node_json(out), now);
          !r)
        return std::unexpected(r.error());
      return out;
    };
    auto bind_fields = [&](Statement& st) {
      st.bind(1, profile).bind(2, a.node).bind(3, a.level);
      st.bind(4, std::int64_t{a.not_applicable ? 1 : 0}).bind(5, a.justification);
      st.bind(6, a.owner).bind(7, std::int64_t{a.priority}).bind(8, a.notes);
      st.bind(10, now).bind(11, actor);
    };
    if (expected && as_read && as_read->version == *expected && as_read->node == a.node) {
      if (*expected == 0) {
        auto st = prepared(
            "INSERT INTO node_assessment (profile, node, level, not_applicable, justification, "
            "owner, priority, notes, version, updated_at, updated_by) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
            "ON CONFLICT (profile, node) DO NOTHING");
        bind_fields(*st);
        st->bind(9, std::int64_t{1});
        if (st->step() != sql::k_done) return std::unexpected(db_error("storing " + a.node));
        if (m_db->changes() == 1) return recorded(0, "null");
      } else {
        const auto& r = *as_read;
        auto st = prepared(
            "UPDATE node_assessment SET level = ?3, not_applicable = ?4, justification = ?5, "
            "owner = ?6, priority = ?7, notes = ?8, version = ?9, updated_at = ?10, "
            "updated_by = ?11 "
            "WHERE profile = ?1 AND node = ?2 AND version = ?12 AND level IS ?13 AND "
            "not_applicable = ?14 AND justification = ?15 AND owner = ?16 AND priority = ?17 AND "
            "notes = ?18");
        bind_fields(*st);
        st->bind(9, r.version + 1).bind(12, r.version).bind(13, r.level);
        st->bind(14, std::int64_t{r.not_applicable ? 1 : 0}).bind(15, r.justification);
        st->bind(16, r.owner).bind(17, std::int64_t{r.priority}).bind(18, r.notes);
        if (st->step() != sql::k_done) return std::unexpected(db_error("storing " + a.node));
        if (m_db->changes() == 1) return recorded(r.version, node_json(r));
      }
    }
    auto read = read_node_rows(profile, a.node);
    if (!read) return std::unexpected(read.error());
    auto& rows = *read;
    auto current = rows.find(a.node);
    std::int64_t version = current == rows.end() ? 0 : current->second.version;
    if (expected && *expected != version) {
      return fail(ErrorCode::k_conflict,
                  version == 0
                      ? a.node + " was removed since you read it"
                      : a.node + " was changed by " + current->second.updated_by + " at " +
                            current->second.updated_at + " since you read it (version " +
                            std::to_string(version) + ", you had " + std::to_string(*expected) +
                            "); reload it and apply your change again");
    }
    auto st = prepared(
        "INSERT INTO node_assessment (profile, node, level, not_applicable, justification, owner, "
        "priority, notes, version, updated_at, updated_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
        "ON CONFLICT (profile, node) DO UPDATE SET level = excluded.level, not_applicable = "
        "excluded.not_applicable, justification = excluded.justification, owner = excluded.owner, "
        "priority = excluded.priority, notes = excluded.notes, version = excluded.version, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by");
    bind_fields(*st);
    st->bind(9, version + 1);
    if (st->step() != sql::k_done) return std::unexpected(db_error("storing " + a.node));
    return recorded(version, version == 0 ? "null" : node_json(current->second));
  }

  Result<void> touch_profile(std::int64_t profile, const std::string& now) {
    auto st = prepared("UPDATE profile SET version = version + 1, updated_at = ?2 WHERE id = ?1");
    st->bind(1, profile).bind(2, now);
    if (st->step() != sql::k_done) return std::unexpected(db_error("updating the profile"));
    if (m_db->changes() != 1)
      return fail(ErrorCode::k_not_found, "no profile with id " + std::to_string(profile));
    return {};
  }

  Result<core::NodeAssessment> put_node_assessment(std::int64_t profile,
                                                   const core::NodeAssessment& a,
                                                   std::optional<std::int64_t> expected_version,
                                                   const std::string& actor,
                                                   const core::NodeAssessment* as_read) override {
    // The profile's version and time move in the node's statement (migration 12's triggers).
    return transaction<core::NodeAssessment>([&]() -> Result<core::NodeAssessment> {
      auto now = now_utc();
      return write_node(profile, a, expected_version, as_read, actor, now);
    });
  }

  Result<std::size_t> put_node_assessments(std::int64_t profile,
                                           const std::vector<core::NodeAssessment>& rows,
                                           const std::string& actor) override {
    return transaction<std::size_t>([&]() -> Result<std::size_t> {
      auto now = now_utc();
      auto current = read_node_rows(profile, "");
      if (!current) return std::unexpected(current.error());
      std::vector<const core::NodeAssessment*> changed;
      for (const auto& a : rows) {
        auto it = current->find(a.node);
        if (!core::same_assessment(it == current->end() ? core::NodeAssessment{} : it->second, a))
          changed.push_back(&a);
      }
      if (changed.empty()) return std::size_t{0};
      if (auto t = touch_profile(profile, now); !t) return std::unexpected(t.error());
      auto up = prepared(
          "INSERT INTO node_assessment (profile, node, level, not_applicable, justification, "
          "owner, priority, "
          "notes, version, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, "
          "?10) "
          "ON CONFLICT (profile, node) DO UPDATE SET level = excluded.level, not_applicable = "
          "excluded.not_applicable, justification = excluded.justification, owner = "
          "excluded.owner, "
          "priority = excluded.priority, notes = excluded.notes, version = node_assessment.version "
          "+ 1, "
          "updated_at = excluded.updated_at, updated_by = excluded.updated_by");
      auto stored = stored_nodes(profile, "");
      if (!stored) return std::unexpected(stored.error());
      auto& before = *stored;
      // The rows' writes go out together (PostgreSQL: one pipeline); a failure comes with COMMIT.
      auto deferred_bumps = m_db->defer_profile_bumps();
      if (!deferred_bumps) return std::unexpected(deferred_bumps.error());
      m_batch = true;
      struct Unbatch {
        bool& on;
        ~Unbatch() { on = false; }
      } unbatch{m_batch};
      for (const auto* row : changed) {
        const auto& a = *row;
        auto it = before.find(a.node);
        auto after = a;
        after.version =
            it == before.end() ? 1 : nlohmann::json::parse(it->second).value("version", 0) + 1;
        if (auto r = audit(actor, "node", std::to_string(profile) + "/" + a.node, "import",
                           it == before.end() ? "null" : it->second, node_json(after), now);
            !r)
          return std::unexpected(r.error());
        up->bind(1, profile)
            .bind(2, a.node)
            .bind(3, a.level)
            .bind(4, std::int64_t{a.not_applicable ? 1 : 0});
        up->bind(5, a.justification)
            .bind(6, a.owner)
            .bind(7, std::int64_t{a.priority})
            .bind(8, a.notes);
        up->bind(9, now).bind(10, actor);
        if (up->step_deferred() != sql::k_done)
          return std::unexpected(db_error("importing " + a.node));
        up->reset();
      }
      if (*deferred_bumps) {  // as the trigger would have, once a row
        Statement bump(m_db,
                       "UPDATE profile SET version = version + ?2, updated_at = ?3 WHERE id = ?1");
        bump.bind(1, profile).bind(2, static_cast<std::int64_t>(changed.size())).bind(3, now);
        if (bump.step() != sql::k_done) return std::unexpected(db_error("importing"));
      }
      return changed.size();
    });
  }

  Result<core::Snapshot> freeze(std::int64_t profile, const std::string& name,
                                const std::string& assessor, const std::string& signed_off_by,
                                const std::string& taken_at) override {
    if (util::trim(name).empty())
      return fail(ErrorCode::k_invalid_input, "an assessment needs a name");
    if (auto n = core::check_text("assessment name", util::trim(name), core::TextKind::k_name, 200);
        !n)
      return std::unexpected(n.error());
    if (util::trim(assessor).empty())
      return fail(ErrorCode::k_invalid_input, "an assessment needs an assessor");
    if (auto a = core::check_text("assessor", assessor, core::TextKind::k_line, 200); !a)
      return std::unexpected(a.error());
    if (!signed_off_by.empty()) {
      if (auto s = core::check_text("sign-off", signed_off_by, core::TextKind::k_line, 200); !s)
        return std::unexpected(s.error());
    }
    auto taken = core::parse_timestamp("assessment date", taken_at);
    if (!taken) return std::unexpected(taken.error());
    return transaction<core::Snapshot>([&]() -> Result<core::Snapshot> {
      Statement kind(m_db, "SELECT kind FROM profile WHERE id = ?1");
      kind.bind(1, profile);
      if (auto row = kind.row(); !row)
        return std::unexpected(row.error());
      else if (!*row)
        return fail(ErrorCode::k_not_found, "no profile with id " + std::to_string(profile));
      if (kind.text(0) != "current")
        return fail(ErrorCode::k_invalid_input,
                    "only a current profile can be frozen as an assessment");
      Statement st(m_db,
                   "INSERT INTO snapshot (profile, name, taken_at, assessor, signed_off_by) VALUES "
                   "(?1, ?2, ?3, ?4, ?5) "
                   "RETURNING id");
      st.bind(1, profile)
          .bind(2, util::trim(name))
          .bind(3, *taken)
          .bind(4, assessor)
          .bind(5, signed_off_by);
      if (st.step() != sql::k_row) return std::unexpected(db_error("freezing the assessment"));
      core::Snapshot s{st.integer(0), profile, util::trim(name), *taken, assessor,
                       signed_off_by, {}};
      Statement copy(
          m_db,
          "INSERT INTO snapshot_node (snapshot, node, level, not_applicable, owner, priority) "
          "SELECT ?1, node, level, not_applicable, owner, priority FROM node_assessment WHERE "
          "profile = ?2");
      copy.bind(1, s.id).bind(2, profile);
      if (copy.step() != sql::k_done) return std::unexpected(db_error("freezing the assessment"));
      // The snapshot is returned with what it froze, as snapshots() reads it back.
      if (auto r = read_snapshot_nodes(s); !r) return std::unexpected(r.error());
      nlohmann::json after{{"profile", profile},
                           {"name", s.name},
                           {"taken_at", s.taken_at},
                           {"assessor", s.assessor},
                           {"signed_off_by", s.signed_off_by}};
      if (auto a = audit(m_actor, "snapshot", std::to_string(s.id), "freeze", "null", after.dump(),
                         now_utc());
          !a)
        return std::unexpected(a.error());
      return s;
    });
  }

  Result<std::vector<core::Snapshot>> snapshots(std::int64_t profile) override {
    std::vector<core::Snapshot> out;
    Statement st(
        m_db,
        "SELECT id, name, taken_at, assessor, signed_off_by FROM snapshot WHERE profile = ?1 "
        "ORDER BY taken_at, id");
    st.bind(1, profile);
    while (st.next())
      out.push_back(core::Snapshot{
          st.integer(0), profile, st.text(1), st.text(2), st.text(3), st.text(4), {}});
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    for (auto& s : out)
      if (auto r = read_snapshot_nodes(s); !r) return std::unexpected(r.error());
    return out;
  }

  // Fills a snapshot's assessments with the node rows it froze.
  Result<void> read_snapshot_nodes(core::Snapshot& s) {
    Statement nodes(m_db,
                    "SELECT node, level, not_applicable, owner, priority FROM snapshot_node WHERE "
                    "snapshot = ?1");
    nodes.bind(1, s.id);
    while (nodes.next()) {
      core::NodeAssessment a;
      a.node = nodes.text(0);
      a.level = nodes.optional_int(1);
      a.not_applicable = nodes.integer(2) != 0;
      a.owner = nodes.text(3);
      a.priority = static_cast<int>(nodes.integer(4));
      s.assessments.emplace(a.node, std::move(a));
    }
    return nodes.finished();
  }

  Result<void> write_action_nodes(const core::Action& a) {
    Statement del(m_db, "DELETE FROM action_node WHERE action = ?1");
    del.bind(1, a.id);
    if (del.step() != sql::k_done) return std::unexpected(db_error("updating the action"));
    Statement ins(m_db,
                  "INSERT INTO action_node (action, node) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
    for (const auto& n : a.nodes) {
      ins.bind(1, a.id).bind(2, n);
      if (ins.step() != sql::k_done) return std::unexpected(db_error("updating the action"));
      ins.reset();
    }
    return {};
  }

  static Result<void> check_action(const core::Action& a) {
    if (util::trim(a.title).empty())
      return fail(ErrorCode::k_invalid_input, "an action needs a title");
    if (auto t = core::check_text("action title", util::trim(a.title), core::TextKind::k_line, 500);
        !t)
      return t;
    if (!util::trim(a.owner).empty()) {
      if (auto o = core::check_text("action owner", a.owner, core::TextKind::k_line, 200); !o)
        return o;
    }
    if (!a.due.empty()) {
      if (auto d = core::check_date("due date", a.due); !d) return d;
    }
    if (a.effort_days < 0)
      return fail(ErrorCode::k_invalid_input, "effort must be zero or more days");
    return {};
  }

  Result<core::Action> create_action(const core::Action& action) override {
    if (auto c = check_action(action); !c) return std::unexpected(c.error());
    return transaction<core::Action>([&]() -> Result<core::Action> {
      Statement st(
          m_db,
          "INSERT INTO action (organization, title, owner, due, status, effort_days, target_level) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
      st.bind(1, action.organization)
          .bind(2, util::trim(action.title))
          .bind(3, action.owner)
          .bind(4, action.due);
      st.bind(5, std::string(core::to_string(action.status)))
          .bind(6, std::int64_t{action.effort_days});
      st.bind(7, std::int64_t{action.target_level});
      if (st.step() != sql::k_row) return std::unexpected(db_error("creating the action"));
      auto out = action;
      out.id = st.integer(0);
      out.version = 1;
      if (auto w = write_action_nodes(out); !w) return std::unexpected(w.error());
      if (auto a = audit(m_actor, "action", std::to_string(out.id), "create", "null",
                         codec::to_json(out).dump(), now_utc());
          !a)
        return std::unexpected(a.error());
      return out;
    });
  }

  Result<core::Action> update_action(const core::Action& action) override {
    if (auto c = check_action(action); !c) return std::unexpected(c.error());
    return transaction<core::Action>([&]() -> Result<core::Action> {
      std::string before = "null";
      {
        auto current = actions_where("id = ?1", action.id);
        if (!current) return std::unexpected(current.error());
        if (!current->empty()) before = codec::to_json(current->front()).dump();
      }
      Statement st(
          m_db,
          "UPDATE action SET title = ?2, owner = ?3, due = ?4, status = ?5, effort_days = ?6, "
          "target_level = ?7, version = version + 1 WHERE id = ?1 AND version = ?8");
      st.bind(1, action.id)
          .bind(2, util::trim(action.title))
          .bind(3, action.owner)
          .bind(4, action.due);
      st.bind(5, std::string(core::to_string(action.status)))
          .bind(6, std::int64_t{action.effort_days});
      st.bind(7, std::int64_t{action.target_level}).bind(8, action.version);
      if (st.step() != sql::k_done) return std::unexpected(db_error("updating the action"));
      if (m_db->changes() != 1)
        return fail(ErrorCode::k_conflict,
                    "action " + std::to_string(action.id) +
                        " was changed or removed since you read it; reload it and try again");
      auto out = action;
      out.version = action.version + 1;
      if (auto w = write_action_nodes(out); !w) return std::unexpected(w.error());
      if (auto a = audit(m_actor, "action", std::to_string(out.id), "update", before,
                         codec::to_json(out).dump(), now_utc());
          !a)
        return std::unexpected(a.error());
      return out;
    });
  }

  // Actions matching `where` (SQL over the action table, with ?1 bound to `value`).
  Result<std::vector<core::Action>> actions_where(const std::string& where, std::int64_t value,
                                                  const std::string& status = "",
                                                  const std::string& limit = "") {
    std::vector<core::Action> out;
    Statement st(
        m_db,
        ("SELECT id, organization, title, owner, due, status, effort_days, target_level, version "
         "FROM action WHERE " +
         where +
         " AND (?2 = '' OR status = ?2) ORDER BY CASE WHEN due = '' THEN 1 ELSE 0 END, due, id" +
         limit)
            .c_str());
    st.bind(1, value).bind(2, status);
    while (st.next()) {
      core::Action a;
      a.id = st.integer(0);
      a.organization = st.integer(1);
      a.title = st.text(2);
      a.owner = st.text(3);
      a.due = st.text(4);
      a.status = core::parse_action_status(st.text(5)).value_or(core::ActionStatus::k_planned);
      a.effort_days = static_cast<int>(st.integer(6));
      a.target_level = static_cast<int>(st.integer(7));
      a.version = st.integer(8);
      out.push_back(std::move(a));
    }
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    if (out.empty()) return out;
    // The nodes of every action read, in one query.
    nlohmann::json ids = nlohmann::json::array();
    std::map<std::int64_t, core::Action*> by_id;
    for (auto& a : out) {
      ids.push_back(a.id);
      by_id[a.id] = &a;
    }
    Statement nodes(m_db,
                    "SELECT action, node FROM action_node WHERE action IN (SELECT value FROM "
                    "json_each(?1)) ORDER BY action, node");
    nodes.bind(1, ids.dump());
    while (nodes.next()) {
      if (auto it = by_id.find(nodes.integer(0)); it != by_id.end())
        it->second->nodes.push_back(nodes.text(1));
    }
    if (auto end = nodes.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<util::Paged<core::Action>> actions(std::int64_t organization,
                                            const ActionQuery& q) override {
    std::string status = q.status ? std::string(core::to_string(*q.status)) : "";
    util::Paged<core::Action> out;
    auto total =
        count_of("SELECT count(*) FROM action WHERE organization = ?1 AND (?2 = '' OR status = ?2)",
                 [&](Statement& st) { st.bind(1, organization).bind(2, status); });
    if (!total) return std::unexpected(total.error());
    out.total = *total;
    auto page = actions_where("organization = ?1", organization, status, q.slice.sql());
    if (!page) return std::unexpected(page.error());
    out.items = std::move(*page);
    return out;
  }

  Result<std::vector<core::Action>> actions(std::int64_t organization) override {
    return actions_where("organization = ?1", organization);
  }

  Result<core::Action> action(std::int64_t id) override {
    auto list = actions_where("id = ?1", id);
    if (!list) return std::unexpected(list.error());
    if (list->empty()) return fail(ErrorCode::k_not_found, "no action " + std::to_string(id));
    return list->front();
  }

  // --- workspace mapping sets ---

  Result<util::Paged<WorkspaceMappingSet>> mapping_sets(std::int64_t organization,
                                                        const util::Slice& slice) override {
    util::Paged<WorkspaceMappingSet> out;
    auto total = count_of("SELECT count(*) FROM mapping_set WHERE organization = ?1",
                          [&](Statement& st) { st.bind(1, organization); });
    if (!total) return std::unexpected(total.error());
    out.total = *total;
    auto page = mapping_sets_where("s.organization = ?2", "", organization, slice.sql());
    if (!page) return std::unexpected(page.error());
    out.items = std::move(*page);
    return out;
  }

  Result<std::vector<WorkspaceMappingSet>> mapping_sets_where(const std::string& where,
                                                              const std::string& a, std::int64_t b,
                                                              const std::string& limit = "") {
    std::vector<WorkspaceMappingSet> out;
    Statement st(m_db, ("SELECT s.id, s.organization, s.name, s.title, s.source_kind, s.source_id, "
                        "s.target_kind, s.target_id, s.notes, s.version, s.created_at, "
                        "s.updated_at, s.updated_by FROM mapping_set s JOIN organization o ON "
                        "o.id = s.organization WHERE " +
                        where + " ORDER BY s.organization, s.name" + limit)
                           .c_str());
    st.bind(1, a).bind(2, b);
    while (st.next()) {
      WorkspaceMappingSet s;
      s.id = st.integer(0);
      s.organization = st.integer(1);
      s.name = st.text(2);
      s.title = st.text(3);
      s.source = item_ref(st.text(4), st.text(5));
      s.target = item_ref(st.text(6), st.text(7));
      s.notes = st.text(8);
      s.version = st.integer(9);
      s.created_at = st.text(10);
      s.updated_at = st.text(11);
      s.updated_by = st.text(12);
      out.push_back(std::move(s));
    }
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    Statement ms(m_db,
                 "SELECT id, source, targets, relationship, rationale, version FROM mapping WHERE "
                 "mapping_set = ?1 ORDER BY id");
    for (auto& s : out) {
      ms.bind(1, s.id);
      while (ms.next()) {
        WorkspaceMapping m;
        m.id = ms.integer(0);
        m.source = ms.text(1);
        auto targets = nlohmann::json::parse(ms.text(2), nullptr, false);
        if (targets.is_array())
          for (const auto& t : targets)
            if (t.is_string()) m.targets.push_back(t.get<std::string>());
        m.relationship =
            core::parse_relationship(ms.text(3)).value_or(core::Relationship::k_intersects_with);
        m.rationale = ms.text(4);
        m.version = ms.integer(5);
        s.mappings.push_back(std::move(m));
      }
      if (auto end = ms.finished(); !end) return std::unexpected(end.error());
      ms.reset();
    }
    return out;
  }

  Result<WorkspaceMappingSet> mapping_set_by_id(std::int64_t id) {
    auto list = mapping_sets_where("s.id = ?2", "", id);
    if (!list) return std::unexpected(list.error());
    if (list->empty()) return fail(ErrorCode::k_not_found, "no mapping set " + std::to_string(id));
    return list->front();
  }

  Result<std::int64_t> insert_mapping(std::int64_t set, const WorkspaceMapping& m) {
    Statement st(m_db,
                 "INSERT INTO mapping (mapping_set, source, targets, relationship, rationale) "
                 "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
    st.bind(1, set)
        .bind(2, util::trim(m.source))
        .bind(3, nlohmann::json(m.targets).dump())
        .bind(4, std::string(core::to_string(m.relationship)))
        .bind(5, m.rationale);
    if (st.step() != sql::k_row) return std::unexpected(db_error("storing the mapping"));
    return st.integer(0);
  }

  // Moves a set's version on (checking `expected` when given) inside the open transaction.
  Result<void> bump_mapping_set(std::int64_t id, std::optional<std::int64_t> expected,
                                const std::string& now) {
    Statement st(m_db,
                 "UPDATE mapping_set SET version = version + 1, updated_at = ?2, updated_by = ?3 "
                 "WHERE id = ?1 AND (?4 < 0 OR version = ?4)");
    st.bind(1, id).bind(2, now).bind(3, m_actor).bind(4, expected.value_or(-1));
    if (st.step() != sql::k_done) return std::unexpected(db_error("updating the mapping set"));
    if (m_db->changes() != 1)
      return fail(ErrorCode::k_conflict, "mapping set " + std::to_string(id) +
                                             " was changed or removed since you read it; "
                                             "reload it and try again");
    return {};
  }

  Result<WorkspaceMappingSet> create_mapping_set(const WorkspaceMappingSet& set) override {
    if (auto c = check_mapping_set(set); !c) return std::unexpected(c.error());
    return transaction<WorkspaceMappingSet>([&]() -> Result<WorkspaceMappingSet> {
      auto now = now_utc();
      Statement st(m_db,
                   "INSERT INTO mapping_set (organization, name, title, source_kind, source_id, "
                   "target_kind, target_id, notes, created_at, updated_at, updated_by) VALUES "
                   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10) RETURNING id");
      st.bind(1, set.organization).bind(2, set.name).bind(3, util::trim(set.title));
      st.bind(4, kind_text(set.source)).bind(5, set.source.id);
      st.bind(6, kind_text(set.target)).bind(7, set.target.id);
      st.bind(8, set.notes).bind(9, now).bind(10, m_actor);
      int rc = st.step();
      if (rc != sql::k_row) {
        if (m_db->last_constraint() == sql::Constraint::k_unique)
          return fail(ErrorCode::k_conflict,
                      "the organization already has a mapping set '" + set.name + "'");
        if (m_db->last_constraint() == sql::Constraint::k_foreign_key)
          return fail(ErrorCode::k_not_found,
                      "no organization " + std::to_string(set.organization));
        return std::unexpected(db_error("creating the mapping set"));
      }
      auto id = st.integer(0);
      for (const auto& m : set.mappings)
        if (auto r = insert_mapping(id, m); !r) return std::unexpected(r.error());
      auto out = mapping_set_by_id(id);
      if (!out) return out;
      if (auto a = audit(m_actor, "mapping-set", std::to_string(id), "create", "null",
                         mapping_set_json(*out).dump(), now);
          !a)
        return std::unexpected(a.error());
      return out;
    });
  }

  Result<std::vector<WorkspaceMappingSet>> mapping_sets(std::int64_t organization) override {
    return mapping_sets_where("s.organization = ?2", "", organization);
  }

  Result<WorkspaceMappingSet> mapping_set(const std::string& reference) override {
    Result<std::vector<WorkspaceMappingSet>> read = std::vector<WorkspaceMappingSet>{};
    auto slash = reference.find('/');
    if (core::is_id_reference(reference)) {
      read = mapping_sets_where("s.id = ?2", "", reference_id(reference));
    } else if (slash != std::string::npos) {
      auto org = organization(reference.substr(0, slash));
      if (org) {
        read = mapping_sets_where("s.organization = ?2 AND s.name = ?1",
                                  reference.substr(slash + 1), org->id);
      } else if (org.error().code != ErrorCode::k_not_found) {
        return std::unexpected(org.error());
      }
    } else {
      // A name alone, for the command line: found when one organization has it.
      read = mapping_sets_where("s.name = ?1", reference, 0);
    }
    if (!read) return std::unexpected(read.error());
    auto& found = *read;
    if (found.empty())
      return fail(ErrorCode::k_not_found,
                  "no mapping set '" + reference + "' (see 'cyberframe mapping list')");
    if (found.size() > 1)
      return fail(ErrorCode::k_invalid_input, "several organizations have a mapping set '" +
                                                  reference + "': name it as ORGANIZATION/NAME");
    return found.front();
  }

  Result<WorkspaceMappingSet> update_mapping_set(const WorkspaceMappingSet& set) override {
    if (util::trim(set.title).empty())
      return fail(ErrorCode::k_invalid_input, "a mapping set needs a title");
    if (auto t = core::check_text("mapping set title", util::trim(set.title),
                                  core::TextKind::k_line, 300);
        !t)
      return std::unexpected(t.error());
    return transaction<WorkspaceMappingSet>([&]() -> Result<WorkspaceMappingSet> {
      auto before = mapping_set_by_id(set.id);
      if (!before) return before;
      auto now = now_utc();
      if (auto b = bump_mapping_set(set.id, set.version, now); !b)
        return std::unexpected(b.error());
      Statement st(m_db, "UPDATE mapping_set SET title = ?2, notes = ?3 WHERE id = ?1");
      st.bind(1, set.id).bind(2, util::trim(set.title)).bind(3, set.notes);
      if (st.step() != sql::k_done) return std::unexpected(db_error("updating the mapping set"));
      auto out = mapping_set_by_id(set.id);
      if (!out) return out;
      if (auto a = audit(m_actor, "mapping-set", std::to_string(set.id), "update",
                         mapping_set_json(*before).dump(), mapping_set_json(*out).dump(), now);
          !a)
        return std::unexpected(a.error());
      return out;
    });
  }

  Result<void> delete_mapping_set(std::int64_t id, std::int64_t expected_version) override {
    return transaction<void>([&]() -> Result<void> {
      auto before = mapping_set_by_id(id);
      if (!before) return std::unexpected(before.error());
      if (before->version != expected_version)
        return fail(ErrorCode::k_conflict,
                    "mapping set " + before->name + " is at version " +
                        std::to_string(before->version) + ", you read version " +
                        std::to_string(expected_version) + "; reload it and try again");
      Statement st(m_db, "DELETE FROM mapping_set WHERE id = ?1");
      st.bind(1, id);
      if (st.step() != sql::k_done) return std::unexpected(db_error("deleting the mapping set"));
      return audit(m_actor, "mapping-set", std::to_string(id), "delete",
                   mapping_set_json(*before).dump(), "null", now_utc());
    });
  }

  // Runs one change to a mapping of set `set` and audits the set before and after.
  template <typename F>
  Result<WorkspaceMappingSet> change_mapping(std::int64_t set, const std::string& action,
                                             F&& body) {
    return transaction<WorkspaceMappingSet>([&]() -> Result<WorkspaceMappingSet> {
      auto before = mapping_set_by_id(set);
      if (!before) return before;
      if (auto r = body(*before); !r) return std::unexpected(r.error());
      auto now = now_utc();
      if (auto b = bump_mapping_set(set, std::nullopt, now); !b) return std::unexpected(b.error());
      auto out = mapping_set_by_id(set);
      if (!out) return out;
      if (auto a = audit(m_actor, "mapping-set", std::to_string(set), action,
                         mapping_set_json(*before).dump(), mapping_set_json(*out).dump(), now);
          !a)
        return std::unexpected(a.error());
      return out;
    });
  }

  Result<WorkspaceMappingSet> add_mapping(std::int64_t set,
                                          const WorkspaceMapping& mapping) override {
    if (auto c = check_mapping(mapping); !c) return std::unexpected(c.error());
    return change_mapping(set, "add-mapping", [&](const auto& before) -> Result<void> {
      if (auto c = check_not_mapped(before, mapping); !c) return c;
      auto r = insert_mapping(set, mapping);
      if (!r) return std::unexpected(r.error());
      return {};
    });
  }

  Result<WorkspaceMappingSet> update_mapping(std::int64_t set,
                                             const WorkspaceMapping& mapping) override {
    if (auto c = check_mapping(mapping); !c) return std::unexpected(c.error());
    return change_mapping(set, "edit-mapping", [&](const auto& before) -> Result<void> {
      if (auto c = check_not_mapped(before, mapping); !c) return c;
      Statement st(m_db,
                   "UPDATE mapping SET source = ?3, targets = ?4, relationship = ?5, rationale = "
                   "?6, version = version + 1 WHERE id = ?1 AND mapping_set = ?2 AND version = ?7");
      st.bind(1, mapping.id).bind(2, set).bind(3, util::trim(mapping.source));
      st.bind(4, nlohmann::json(mapping.targets).dump())
          .bind(5, std::string(core::to_string(mapping.relationship)))
          .bind(6, mapping.rationale)
          .bind(7, mapping.version);
      if (st.step() != sql::k_done) return std::unexpected(db_error("updating the mapping"));
      if (m_db->changes() != 1) return missing_or_stale(set, mapping.id);
      return {};
    });
  }

  Result<void> missing_or_stale(std::int64_t set, std::int64_t mapping) {
    Statement st(m_db, "SELECT version FROM mapping WHERE id = ?1 AND mapping_set = ?2");
    st.bind(1, mapping).bind(2, set);
    if (auto row = st.row(); !row)
      return std::unexpected(row.error());
    else if (!*row)
      return fail(ErrorCode::k_not_found, "mapping set " + std::to_string(set) +
                                              " has no mapping " + std::to_string(mapping));
    return fail(ErrorCode::k_conflict, "mapping " + std::to_string(mapping) +
                                           " was changed since you read it (now version " +
                                           std::to_string(st.integer(0)) +
                                           "); reload it and try again");
  }

  Result<WorkspaceMappingSet> remove_mapping(std::int64_t set, std::int64_t mapping,
                                             std::int64_t expected_version) override {
    return change_mapping(set, "remove-mapping", [&](const WorkspaceMappingSet&) -> Result<void> {
      Statement st(m_db, "DELETE FROM mapping WHERE id = ?1 AND mapping_set = ?2 AND version = ?3");
      st.bind(1, mapping).bind(2, set).bind(3, expected_version);
      if (st.step() != sql::k_done) return std::unexpected(db_error("removing the mapping"));
      if (m_db->changes() != 1) return missing_or_stale(set, mapping);
      return {};
    });
  }

  // --- frameworks stored in the workspace ---

  static nlohmann::json framework_json(const core::WorkspaceFramework& f) {
    return nlohmann::json{{"framework", f.framework},
                          {"organization", f.organization},
                          {"title", f.title},
                          {"origin", std::string(core::to_string(f.origin))},
                          {"version", f.version},
                          {"nodes", f.nodes},
                          {"sha256", sha256_hex(f.content)}};
  }

  Result<void> check_framework(const core::WorkspaceFramework& f) {
    if (auto t =
            core::check_text("framework id", f.framework, core::TextKind::k_reference_name, 128);
        !t)
      return t;
    if (util::trim(f.title).empty())
      return fail(ErrorCode::k_invalid_input, "a framework needs a title");
    if (auto t =
            core::check_text("framework title", util::trim(f.title), core::TextKind::k_line, 500);
        !t)
      return t;
    if (f.content.empty())
      return fail(ErrorCode::k_invalid_input, "a framework needs its catalog file text");
    return {};
  }

  // Keeps the text of version `f.version` of the stored framework `row`.
  Result<void> insert_framework_version(std::int64_t row, const core::WorkspaceFramework& f,
                                        const std::string& now) {
    Statement st(m_db,
                 "INSERT INTO framework_version (framework, version, content, sha256, nodes, "
                 "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(1, row).bind(2, f.version).bind(3, f.content).bind(4, sha256_hex(f.content));
    st.bind(5, static_cast<std::int64_t>(f.nodes)).bind(6, now).bind(7, m_actor);
    if (st.step() != sql::k_done) return std::unexpected(db_error("keeping the framework version"));
    return {};
  }

  Result<std::vector<core::WorkspaceFramework>> frameworks_where(
      const std::string& where, bool with_content, const std::function<void(Statement&)>& bind,
      const std::string& limit = "") {
    std::vector<core::WorkspaceFramework> out;
    Statement st(m_db, ("SELECT id, framework, organization, title, origin, " +
                        std::string(with_content ? "content" : "''") +
                        ", nodes, version, created_at, created_by, updated_at, updated_by FROM "
                        "workspace_framework" +
                        where + " ORDER BY framework" + limit)
                           .c_str());
    bind(st);
    while (st.next()) {
      core::WorkspaceFramework f;
      f.id = st.integer(0);
      f.framework = st.text(1);
      f.organization = st.integer(2);
      f.title = st.text(3);
      auto origin = core::parse_framework_origin(st.text(4));
      if (!origin)
        return fail(ErrorCode::k_io, "stored framework " + f.framework +
                                         " has an unknown origin '" + st.text(4) + "'");
      f.origin = *origin;
      f.content = st.text(5);
      f.nodes = static_cast<std::size_t>(st.integer(6));
      f.version = st.integer(7);
      f.created_at = st.text(8);
      f.created_by = st.text(9);
      f.updated_at = st.text(10);
      f.updated_by = st.text(11);
      out.push_back(std::move(f));
    }
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<core::WorkspaceFramework> create_framework(const core::WorkspaceFramework& f) override {
    if (auto c = check_framework(f); !c) return std::unexpected(c.error());
    return transaction<core::WorkspaceFramework>([&]() -> Result<core::WorkspaceFramework> {
      auto now = now_utc();
      Statement st(m_db,
                   "INSERT INTO workspace_framework (framework, organization, title, origin, "
                   "content, nodes, version, created_at, created_by, updated_at, updated_by) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8, ?7, ?8) RETURNING id");
      st.bind(1, f.framework).bind(2, f.organization).bind(3, util::trim(f.title));
      st.bind(4, std::string(core::to_string(f.origin))).bind(5, f.content);
      st.bind(6, static_cast<std::int64_t>(f.nodes)).bind(7, now).bind(8, m_actor);
      if (st.step() != sql::k_row) {
        auto constraint = m_db->last_constraint();
        if (constraint == sql::Constraint::k_unique)
          return fail(ErrorCode::k_conflict,
                      "the workspace already stores a framework '" + f.framework + "'");
        if (constraint == sql::Constraint::k_foreign_key)
          return fail(ErrorCode::k_not_found, "no organization " + std::to_string(f.organization));
        return std::unexpected(db_error("storing the framework"));
      }
      auto row = st.integer(0);
      st.reset();
      auto stored = stored_framework_in(f.framework);
      if (!stored) return stored;
      if (auto v = insert_framework_version(row, *stored, now); !v)
        return std::unexpected(v.error());
      if (auto a = audit(m_actor, "framework", f.framework, "create", "null",
                         framework_json(*stored).dump(), now);
          !a)
        return std::unexpected(a.error());
      return stored;
    });
  }

  Result<core::WorkspaceFramework> stored_framework_in(const std::string& framework) {
    auto list = frameworks_where(" WHERE framework = ?1", true,
                                 [&](Statement& st) { st.bind(1, framework); });
    if (!list) return std::unexpected(list.error());
    if (list->empty())
      return fail(ErrorCode::k_not_found, "the workspace stores no framework '" + framework + "'");
    return list->front();
  }

  Result<core::WorkspaceFramework> update_framework(const core::WorkspaceFramework& f) override {
    if (auto c = check_framework(f); !c) return std::unexpected(c.error());
    return transaction<core::WorkspaceFramework>([&]() -> Result<core::WorkspaceFramework> {
      auto before = stored_framework_in(f.framework);
      if (!before) return before;
      if (before->version != f.version)
        return fail(ErrorCode::k_conflict, core::changed_since_read(*before, f.version));
      auto now = now_utc();
      Statement st(m_db,
                   "UPDATE workspace_framework SET title = ?2, content = ?3, nodes = ?4, "
                   "version = version + 1, updated_at = ?5, updated_by = ?6 WHERE id = ?1 AND "
                   "version = ?7");
      st.bind(1, before->id).bind(2, util::trim(f.title)).bind(3, f.content);
      st.bind(4, static_cast<std::int64_t>(f.nodes)).bind(5, now).bind(6, m_actor);
      st.bind(7, f.version);
      if (st.step() != sql::k_done) return std::unexpected(db_error("updating the framework"));
      if (m_db->changes() != 1)
        return fail(ErrorCode::k_conflict, "framework " + f.framework +
                                               " was changed or removed since you read it; "
                                               "reload it and try again");
      auto out = stored_framework_in(f.framework);
      if (!out) return out;
      if (auto v = insert_framework_version(before->id, *out, now); !v)
        return std::unexpected(v.error());
      if (auto a = audit(m_actor, "framework", f.framework, "update",
                         framework_json(*before).dump(), framework_json(*out).dump(), now);
          !a)
        return std::unexpected(a.error());
      return out;
    });
  }

  Result<void> delete_framework(const std::string& framework,
                                std::int64_t expected_version) override {
    return transaction<void>([&]() -> Result<void> {
      auto before = stored_framework_in(framework);
      if (!before) return std::unexpected(before.error());
      if (before->version != expected_version)
        return fail(ErrorCode::k_conflict, core::changed_since_read(*before, expected_version));
      Statement versions(m_db, "DELETE FROM framework_version WHERE framework = ?1");
      versions.bind(1, before->id);
      if (versions.step() != sql::k_done)
        return std::unexpected(db_error("deleting the framework's versions"));
      Statement st(m_db, "DELETE FROM workspace_framework WHERE id = ?1");
      st.bind(1, before->id);
      if (st.step() != sql::k_done) return std::unexpected(db_error("deleting the framework"));
      return audit(m_actor, "framework", framework, "delete", framework_json(*before).dump(),
                   "null", now_utc());
    });
  }

  Result<core::WorkspaceFramework> stored_framework(const std::string& framework) override {
    return stored_framework_in(framework);
  }

  Result<util::Paged<core::WorkspaceFramework>> stored_frameworks(
      const core::FrameworkQuery& q) override {
    // A part of the id or the title, without regard to case (A-Z folded on both backends).
    auto pattern = sql::like_pattern(q.text);
    std::string where =
        " WHERE (?1 < 0 OR organization = ?1) AND (lower(framework) LIKE ?2 ESCAPE '\\' OR "
        "lower(title) LIKE ?2 ESCAPE '\\')";
    auto bind = [&](Statement& st) { st.bind(1, q.organization.value_or(-1)).bind(2, pattern); };
    util::Paged<core::WorkspaceFramework> out;
    auto total = count_of("SELECT count(*) FROM workspace_framework" + where, bind);
    if (!total) return std::unexpected(total.error());
    out.total = *total;
    auto page = frameworks_where(where, false, bind, q.slice.sql());
    if (!page) return std::unexpected(page.error());
    out.items = std::move(*page);
    return out;
  }

  Result<std::vector<core::WorkspaceFramework>> framework_contents() override {
    return frameworks_where("", true, [](Statement&) {});
  }

  Result<std::vector<core::FrameworkVersion>> framework_versions_where(
      const std::string& framework, std::optional<std::int64_t> version) {
    auto stored = stored_framework_in(framework);
    if (!stored) return std::unexpected(stored.error());
    Statement st(m_db, ("SELECT version, " + std::string(version ? "content" : "''") +
                        ", sha256, nodes, created_at, created_by FROM framework_version WHERE "
                        "framework = ?1 AND (?2 < 0 OR version = ?2) ORDER BY version DESC")
                           .c_str());
    st.bind(1, stored->id).bind(2, version.value_or(-1));
    std::vector<core::FrameworkVersion> out;
    while (st.next()) {
      core::FrameworkVersion v;
      v.version = st.integer(0);
      v.content = st.text(1);
      v.sha256 = st.text(2);
      v.nodes = static_cast<std::size_t>(st.integer(3));
      v.created_at = st.text(4);
      v.created_by = st.text(5);
      out.push_back(std::move(v));
    }
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<std::vector<core::FrameworkVersion>> framework_versions(
      const std::string& framework) override {
    return framework_versions_where(framework, std::nullopt);
  }

  Result<core::FrameworkVersion> framework_version(const std::string& framework,
                                                   std::int64_t version) override {
    auto list = framework_versions_where(framework, version);
    if (!list) return std::unexpected(list.error());
    if (list->empty())
      return fail(ErrorCode::k_not_found,
                  "framework " + framework + " has no version " + std::to_string(version));
    return list->front();
  }

  Result<std::int64_t> frameworks_revision() override {
    Statement st(m_db, "SELECT coalesce(max(id), 0) FROM audit WHERE entity = 'framework'");
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    return *row ? st.integer(0) : 0;
  }

  Result<core::FrameworkUse> framework_use(const std::string& framework) override {
    core::FrameworkUse use;
    {
      Statement st(m_db,
                   "SELECT o.name, p.name FROM profile p JOIN organization o ON o.id = "
                   "p.organization WHERE p.framework = ?1 ORDER BY o.name, p.name");
      st.bind(1, framework);
      while (st.next()) use.profiles.push_back(st.text(0) + "/" + st.text(1));
      if (auto end = st.finished(); !end) return std::unexpected(end.error());
    }
    {
      // Node ids the profiles' rows hold.
      Statement st(m_db,
                   "SELECT node FROM node_assessment WHERE profile IN (SELECT id FROM profile "
                   "WHERE framework = ?1) UNION SELECT n.node FROM snapshot_node n JOIN snapshot "
                   "s ON s.id = n.snapshot WHERE s.profile IN (SELECT id FROM profile WHERE "
                   "framework = ?1) UNION SELECT node FROM evidence WHERE profile IN (SELECT id "
                   "FROM profile WHERE framework = ?1) UNION SELECT node FROM node_comment WHERE "
                   "profile IN (SELECT id FROM profile WHERE framework = ?1)");
      st.bind(1, framework);
      while (st.next()) use.nodes.insert(st.text(0));
      if (auto end = st.finished(); !end) return std::unexpected(end.error());
    }
    {
      Statement st(m_db,
                   "SELECT s.id, o.name, s.name, s.source_kind, s.source_id, s.target_kind, "
                   "s.target_id FROM mapping_set s JOIN organization o ON o.id = s.organization "
                   "WHERE (s.source_kind = 'framework' AND s.source_id = ?1) OR (s.target_kind = "
                   "'framework' AND s.target_id = ?1) ORDER BY o.name, s.name");
      st.bind(1, framework);
      std::vector<std::tuple<std::int64_t, bool, bool>> sets;
      while (st.next()) {
        use.mapping_sets.push_back(st.text(1) + "/" + st.text(2));
        sets.emplace_back(st.integer(0), st.text(3) == "framework" && st.text(4) == framework,
                          st.text(5) == "framework" && st.text(6) == framework);
      }
      if (auto end = st.finished(); !end) return std::unexpected(end.error());
      Statement ms(m_db, "SELECT source, targets FROM mapping WHERE mapping_set = ?1");
      for (auto [id, source, target] : sets) {
        ms.bind(1, id);
        while (ms.next()) {
          if (source) use.nodes.insert(ms.text(0));
          if (!target) continue;
          auto targets = nlohmann::json::parse(ms.text(1), nullptr, false);
          if (targets.is_array())
            for (const auto& t : targets)
              if (t.is_string()) use.nodes.insert(t.get<std::string>());
        }
        if (auto end = ms.finished(); !end) return std::unexpected(end.error());
        ms.reset();
      }
    }
    return use;
  }

  Result<std::map<std::string, std::int64_t>> projected_nodes(std::int64_t profile) override {
    std::map<std::string, std::int64_t> out;
    Statement st(m_db,
                 "SELECT p.node, p.version FROM projected_node p JOIN node_assessment n ON "
                 "n.profile = p.profile AND n.node = p.node AND n.version = p.version WHERE "
                 "p.profile = ?1");
    st.bind(1, profile);
    while (st.next()) out.emplace(st.text(0), st.integer(1));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<std::size_t> put_projected_assessments(std::int64_t profile,
                                                const std::vector<core::NodeAssessment>& rows,
                                                std::int64_t source_profile,
                                                const std::string& actor) override {
    return transaction<std::size_t>(
        [&]() { return write_projected(profile, rows, source_profile, actor); });
  }

  Result<std::pair<core::Profile, std::size_t>> create_projected_profile(
      const core::Profile& destination, const std::vector<core::NodeAssessment>& rows,
      std::int64_t source_profile, const std::string& actor) override {
    using Out = std::pair<core::Profile, std::size_t>;
    return transaction<Out>([&]() -> Result<Out> {
      auto created = insert_profile(destination, actor);
      if (!created) return std::unexpected(created.error());
      auto written = write_projected(created->id, rows, source_profile, actor);
      if (!written) return std::unexpected(written.error());
      return Out{*created, *written};
    });
  }

  // Inside a transaction: the projected rows of put_projected_assessments.
  Result<std::size_t> write_projected(std::int64_t profile,
                                      const std::vector<core::NodeAssessment>& rows,
                                      std::int64_t source_profile, const std::string& actor) {
    {
      auto now = now_utc();
      if (auto t = touch_profile(profile, now); !t) return std::unexpected(t.error());
      auto projected = projected_nodes(profile);
      if (!projected) return std::unexpected(projected.error());
      auto current_rows = read_node_rows(profile, "");
      if (!current_rows) return std::unexpected(current_rows.error());
      auto& current = *current_rows;
      Statement rec(m_db,
                    "INSERT INTO projected_node (profile, node, version, source_profile) VALUES "
                    "(?1, ?2, ?3, ?4) ON CONFLICT (profile, node) DO UPDATE SET version = "
                    "excluded.version, source_profile = excluded.source_profile");
      for (const auto& a : rows) {
        auto it = current.find(a.node);
        if (it != current.end() && (it->second.level || it->second.not_applicable) &&
            !projected->contains(a.node))
          return fail(ErrorCode::k_invalid_input,
                      a.node + " was assessed directly; a projection never overwrites it");
        auto stored = write_node(profile, a, a.version, nullptr, actor, now);
        if (!stored) return std::unexpected(stored.error());
        rec.bind(1, profile).bind(2, a.node).bind(3, stored->version).bind(4, source_profile);
        if (rec.step() != sql::k_done)
          return std::unexpected(db_error("recording the projection of " + a.node));
        rec.reset();
      }
      if (auto r = audit(
              actor, "profile", std::to_string(profile), "project", "null",
              nlohmann::json{{"source_profile", source_profile}, {"nodes", rows.size()}}.dump(),
              now);
          !r)
        return std::unexpected(r.error());
      return rows.size();
    }
  }

  Result<core::Scale> add_scale(const core::Scale& scale) override {
    if (auto v = core::validate(scale); !v) return std::unexpected(v.error());
    if (scale.id == core::default_scale().id)
      return fail(ErrorCode::k_invalid_input,
                  "the scale " + scale.id + " is built in and cannot be replaced");
    nlohmann::json levels = nlohmann::json::array();
    for (const auto& l : scale.levels)
      levels.push_back({{"value", l.value}, {"name", l.name}, {"meaning", l.meaning}});
    return transaction<core::Scale>([&]() -> Result<core::Scale> {
      Statement st(m_db,
                   "INSERT INTO scale (id, name, levels, created_at) VALUES (?1, ?2, ?3, ?4)");
      st.bind(1, scale.id).bind(2, scale.name).bind(3, levels.dump()).bind(4, now_utc());
      int rc = st.step();
      if (rc == sql::k_constraint)
        return fail(ErrorCode::k_invalid_input,
                    "a scale '" + scale.id +
                        "' already exists; scales cannot be changed "
                        "once profiles may use them: add it under a new id");
      if (rc != sql::k_done) return std::unexpected(db_error("adding the scale"));
      if (auto a = audit(m_actor, "scale", scale.id, "create", "null", levels.dump(), now_utc());
          !a)
        return std::unexpected(a.error());
      return scale;
    });
  }

  static core::Scale scale_from(const Statement& st) {
    core::Scale s;
    s.id = st.text(0);
    s.name = st.text(1);
    auto levels = nlohmann::json::parse(st.text(2), nullptr, false);
    if (levels.is_array()) {
      for (const auto& l : levels)
        s.levels.push_back(
            core::ScaleLevel{l.value("value", 0), l.value("name", ""), l.value("meaning", "")});
    }
    return s;
  }

  Result<core::Scale> scale(const std::string& id) override {
    if (id == core::default_scale().id) return core::default_scale();
    Statement st(m_db, "SELECT id, name, levels FROM scale WHERE id = ?1");
    st.bind(1, id);
    if (auto row = st.row(); !row)
      return std::unexpected(row.error());
    else if (!*row)
      return fail(ErrorCode::k_not_found, "no scale '" + id + "' (see 'cyberframe scale list')");
    return scale_from(st);
  }

  Result<std::vector<core::Scale>> scales() override {
    std::vector<core::Scale> out{core::default_scale()};
    Statement st(m_db, "SELECT id, name, levels FROM scale ORDER BY id");
    while (st.next()) out.push_back(scale_from(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<core::Evidence> add_evidence(std::int64_t profile, const std::string& node,
                                      const std::string& name, const std::string& url,
                                      const std::string& bytes, const std::string& actor) override {
    auto clean = util::trim(name);
    if (clean.empty()) return fail(ErrorCode::k_invalid_input, "evidence needs a name");
    if (clean.find('/') != std::string::npos || clean.find('\\') != std::string::npos ||
        clean == "." || clean == ".." || clean.find('\0') != std::string::npos)
      return fail(ErrorCode::k_invalid_input,
                  "evidence name '" + clean + "' must be a plain file name, without folders");
    if (auto n = core::check_text("evidence name", clean, core::TextKind::k_name, 255); !n)
      return std::unexpected(n.error());
    bool link = !url.empty();
    if (link && !(url.starts_with("https://") || url.starts_with("http://")))
      return fail(ErrorCode::k_invalid_input,
                  "an evidence link must start with https:// or http://");
    return transaction<core::Evidence>([&]() -> Result<core::Evidence> {
      core::Evidence e;
      e.kind = link ? "link" : "file";
      e.name = clean;
      e.url = url;
      e.added_at = now_utc();
      e.added_by = actor;
      if (!link) {
        e.sha256 = sha256_hex(bytes);
        e.size = static_cast<std::int64_t>(bytes.size());
        Statement blob(m_db,
                       "INSERT INTO evidence_blob (sha256, size, data) VALUES (?1, ?2, ?3) ON "
                       "CONFLICT DO NOTHING");
        blob.bind(1, e.sha256).bind(2, e.size).bind_blob(3, bytes);
        if (blob.step() != sql::k_done)
          return std::unexpected(db_error("storing the evidence file"));
      }
      Statement st(
          m_db,
          "INSERT INTO evidence (profile, node, kind, name, url, sha256, size, added_at, added_by) "
          "VALUES (?1, ?2, ?3, ?4, ?5, nullif(?6, ''), ?7, ?8, ?9) RETURNING id");
      st.bind(1, profile)
          .bind(2, node)
          .bind(3, e.kind)
          .bind(4, e.name)
          .bind(5, e.url)
          .bind(6, e.sha256);
      st.bind(7, e.size).bind(8, e.added_at).bind(9, actor);
      if (st.step() != sql::k_row) return std::unexpected(db_error("attaching the evidence"));
      e.id = st.integer(0);
      nlohmann::json after{{"profile", profile}, {"node", node}, {"kind", e.kind},
                           {"name", e.name},     {"url", e.url}, {"sha256", e.sha256},
                           {"size", e.size},     {"id", e.id}};
      if (auto a = audit(actor, "evidence", std::to_string(profile) + "/" + node, "create", "null",
                         after.dump(), e.added_at);
          !a)
        return std::unexpected(a.error());
      return e;
    });
  }

  Result<std::string> evidence_bytes(const std::string& sha256) override {
    Statement st(m_db, "SELECT data FROM evidence_blob WHERE sha256 = ?1");
    st.bind(1, sha256);
    if (auto row = st.row(); !row)
      return std::unexpected(row.error());
    else if (!*row)
      return fail(ErrorCode::k_not_found, "no evidence file with sha256 " + sha256);
    return st.blob(0);
  }

  // Brings the schema up to date, one migration a transaction. `where` names the workspace in
  // messages (its file, or its URL without the password); a SQLite file is copied to
  // WHERE.bak-vN before its schema changes. Two processes opening a workspace together migrate
  // it once (sql::Connection::lock_migrations).
  Result<void> migrate(const std::string& where) {
    if (auto l = m_db->lock_migrations(); !l) return l;
    auto r = migrate_locked(where);
    m_db->unlock_migrations();
    return r;
  }

  Result<void> migrate_locked(const std::string& where) {
    std::filesystem::path path = where;
    bool file = m_db->dialect() == "sqlite";
    auto version = schema_version();
    if (!version) return std::unexpected(version.error());
    std::vector<std::string> migrations;
    for (const auto& f : embedded_migrations(m_db->dialect())) migrations.emplace_back(f.sql);
    const int k_keyed_trail_version = keyed_trail_version(m_db->dialect());
    if (*version > static_cast<int>(migrations.size())) {
      return fail(ErrorCode::k_invalid_input,
                  path.string() + " is at schema version " + std::to_string(*version) +
                      ", newer than this cyberframe knows (" + std::to_string(migrations.size()) +
                      "); use a newer cyberframe");
    }
    // Keying the trail needs the key before anything changes; a new key is removed again when
    // the switch does not commit, so a failed upgrade can be retried.
    bool keying = *version < k_keyed_trail_version &&
                  k_keyed_trail_version <= static_cast<int>(migrations.size());
    bool created_key = false;
    AuditHead keyed_head;
    if (keying) {
      auto ready = prepare_keying(path, *version, created_key);
      if (!ready) return ready;
    }
    auto unkeyed = [&](util::Error e) -> Result<void> {
      if (created_key) std::filesystem::remove(m_audit_files.key);
      m_seal.reset();
      return std::unexpected(std::move(e));
    };
    for (int v = *version; v < static_cast<int>(migrations.size()); ++v) {
      if (file && v > 0 && v == *version) {
        // A copy of the database before changing its schema.
        auto backup = path.string() + ".bak-v" + std::to_string(v);
        if (auto r = exec("VACUUM INTO '" + backup + "'"); !r) {
          return fail(ErrorCode::k_io, "cannot back up " + path.string() + " to " + backup +
                                           " before migrating: " + r.error().message);
        }
      }
      auto r = transaction<bool>([&]() -> Result<bool> {
        if (auto e = exec(migrations[static_cast<std::size_t>(v)]); !e)
          return std::unexpected(e.error());
        if (v + 1 == k_keyed_trail_version) {
          auto head = key_the_trail();
          if (!head) return std::unexpected(head.error());
          keyed_head = *head;
        }
        if (auto e = m_db->set_schema_version(v + 1); !e) return std::unexpected(e.error());
        return true;
      });
      if (!r) {
        util::Error e{ErrorCode::k_io, "migration to schema version " + std::to_string(v + 1) +
                                           " failed: " + r.error().message};
        if (v + 1 <= k_keyed_trail_version) return unkeyed(std::move(e));
        return std::unexpected(std::move(e));
      }
      if (v + 1 == k_keyed_trail_version) {
        if (auto w = m_seal->write_anchor(keyed_head); !w) return w;
      }
    }
    return {};
  }

  // Before a workspace from before keying (or a new one) is keyed: the key at hand, created
  // when it does not exist. A workspace with rows and an existing key is refused: a keyed
  // workspace brought back to an older schema would otherwise be keyed again, and its anchor
  // replaced, hiding whatever was done to its trail.
  Result<void> prepare_keying(const std::filesystem::path& path, int version, bool& created_key) {
    std::int64_t rows = 0;
    if (version >= 4) {  // the audit table exists from version 4
      Statement st(m_db, "SELECT count(*) FROM audit");
      if (st.step() != sql::k_row) return std::unexpected(db_error("counting the audit rows"));
      rows = st.integer(0);
    }
    if (m_seal && rows == 0) {
      // A new (or empty) workspace keyed with a key that exists already: its anchor is written
      // afresh, unless it holds the head of some other trail (this workspace deleted and made
      // again, by accident or to hide it): that evidence is not overwritten.
      auto anchor = m_seal->read_anchor();
      if (!anchor) return std::unexpected(anchor.error());
      if (anchor->state == AnchorReading::State::k_missing ||
          (anchor->state == AnchorReading::State::k_ok && anchor->head.rows == 0))
        return {};
      return fail(ErrorCode::k_io,
                  "the audit anchor " + m_audit_files.anchor.string() + " of " + path.string() +
                      (anchor->state == AnchorReading::State::k_ok
                           ? " records " + std::to_string(anchor->head.rows) + " audit " +
                                 (anchor->head.rows == 1 ? "row" : "rows") +
                                 ", but the workspace is new: was it deleted or moved? "
                           : " is not this workspace's (" + anchor->problem + "). ") +
                      "To start over on purpose, remove the anchor file (and the key, "
                      "unless you mean to keep using it) first");
    }
    if (m_seal) {
      return fail(ErrorCode::k_io,
                  path.string() + " has an audit trail from before keying (schema version " +
                      std::to_string(version) + ", " + std::to_string(rows) +
                      " rows) but the audit key " + m_audit_files.key.string() +
                      " already exists. Either the database was brought back to an older copy "
                      "(compare it with your backups: that would be tampering), or the key was "
                      "put there before this upgrade: then move the key away, open the workspace "
                      "once so that it makes its own key, and keep that one");
    }
    if (!m_seal_missing) return fail(ErrorCode::k_io, m_seal_problem);
    auto seal = AuditSeal::create(m_audit_files);
    if (!seal) return std::unexpected(seal.error());
    m_seal = std::move(*seal);
    m_seal_missing = false;
    m_seal_problem.clear();
    created_key = true;
    return {};
  }

  // Inside the migration's transaction: the head the anchor starts from. A trail from before
  // keying gets a row recording the switch (its HMAC covers the last SHA-256 row, so those rows
  // cannot be recomputed afterwards either); a new trail is keyed from row 1.
  Result<AuditHead> key_the_trail() {
    AuditHead head;
    Statement last(m_db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
    if (auto row = last.row(); !row)
      return std::unexpected(row.error());
    else if (!*row)
      return head;
    auto legacy_rows = last.integer(0);
    auto legacy_head = last.text(1);
    nlohmann::json after{{"keyed_from", legacy_rows + 1},
                         {"rows_before_keying", legacy_rows},
                         {"last_hash_before_keying", legacy_head},
                         {"mac", "HMAC-SHA256"}};
    if (auto a = audit(m_actor, "audit", "trail", "key", "null", after.dump(), now_utc()); !a)
      return std::unexpected(a.error());
    head.keyed_from = head.last_id = head.rows = m_audit_tail->first;
    head.last_hash = m_audit_tail->second;
    return head;
  }

 private:
  std::unique_ptr<sql::Connection> m_connection;  // declared first: the statements go first
  // The aggregates' repositories, on this connection (made on first use).
  std::unique_ptr<RiskStore> m_risks;
  std::unique_ptr<IsmsStore> m_isms;
  std::unique_ptr<MeasurementStore> m_measurements;
  std::unique_ptr<DocumentStore> m_documents;
  std::unique_ptr<PeopleStore> m_people;
  std::unique_ptr<ReviewStore> m_reviews;
  sql::Connection* m_db;
  std::string m_actor = "cyberframe";
  // The last row of the trail as this connection knows it: valid inside a transaction, and after
  // its commit while the file's data version is still m_tail_version.
  std::optional<std::pair<std::int64_t, std::string>> m_audit_tail;
  std::optional<std::uint64_t> m_tail_version;
  // The row the open (or last committed) transaction chained its first audit row to.
  std::optional<std::pair<std::int64_t, std::string>> m_chained_from;
  bool m_appended = false;                // the open transaction appended audit rows
  bool m_batch = false;                   // audit rows are written deferred (an import)
  std::vector<AppendedRows> m_pending;    // the rows the open transaction appended
  std::vector<AppendedRows> m_committed;  // committed since the last take_appended()
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> m_prepared;
  std::vector<std::string> m_statements;  // record_statements()
  std::unique_ptr<Statement> m_audit_insert;
  std::unique_ptr<Statement> m_audit_hash_at;
  AuditFiles m_audit_files;
  std::optional<AuditSeal> m_seal;  // the audit key, when it is at hand
  bool m_seal_missing = false;      // the key file does not exist
  std::string m_seal_problem;       // why there is no seal
  std::unique_ptr<Statement> m_change_counter;
};

}  // namespace

namespace {

bool is_postgresql(std::string_view location) {
  return location.starts_with("postgresql:") || location.starts_with("postgres:");
}

// Opens the store on a connection: the audit key, then the schema brought up to date.
Result<std::unique_ptr<Store>> open_store(std::unique_ptr<sql::Connection> connection,
                                          const AuditFiles& audit, const std::string& where) {
  auto store = std::make_unique<SqlStore>(std::move(connection), audit);
  store->open_seal();
  if (auto m = store->migrate(where); !m) return std::unexpected(m.error());
  return std::unique_ptr<Store>(std::move(store));
}

Result<std::unique_ptr<Store>> open_sqlite_file(const std::filesystem::path& path,
                                                const AuditFiles& audit, OpenMode mode) {
  auto connection = sql::connect_sqlite(path, mode == OpenMode::k_create);
  if (!connection) return std::unexpected(connection.error());
  return open_store(std::move(*connection), audit.resolved(path), path.string());
}

Result<std::unique_ptr<Store>> open_postgresql(const std::string& url, const AuditFiles& audit,
                                               OpenMode mode) {
  auto connection = sql::connect_postgresql(url);
  if (!connection) return std::unexpected(connection.error());
  auto where = sql::redacted(url);
  if (mode == OpenMode::k_existing) {
    auto version = (*connection)->schema_version();
    if (!version) return std::unexpected(version.error());
    if (*version == 0)
      return fail(
          ErrorCode::k_not_found,
          "no workspace in " + where + " (create one with: cyberframe --db " + where + " init)");
  }
  return open_store(std::move(*connection), audit_files(url, audit), where);
}

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite(const std::filesystem::path& path,
                                           const AuditFiles& audit) {
  return open_sqlite_file(path, audit, OpenMode::k_create);
}

std::filesystem::path workspace_file(std::string_view location) {
  if (is_postgresql(location)) return {};
  if (location.starts_with("sqlite:")) location.remove_prefix(std::string_view("sqlite:").size());
  return std::filesystem::path(std::string(location));
}

AuditFiles audit_files(std::string_view location, const AuditFiles& audit) {
  if (is_postgresql(location))
    return audit.resolved(std::filesystem::current_path() / sql::database_name(location));
  return audit.resolved(workspace_file(location));
}

Result<std::unique_ptr<Store>> open_workspace(std::string_view location, OpenMode mode,
                                              const AuditFiles& audit) {
  if (is_postgresql(location)) return open_postgresql(std::string(location), audit, mode);
  auto path = workspace_file(location);
  if (path.empty()) return fail(ErrorCode::k_invalid_input, "no workspace path given");
  return open_sqlite_file(path, audit, mode);
}

}  // namespace cyberframe::store
