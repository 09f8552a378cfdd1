#include "store/people_store.hpp"

#include <nlohmann/json.hpp>

#include "store/unit_of_work.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"

namespace cyberframe::store {

using sql::Statement;
using util::ErrorCode;
using util::fail;

namespace {

constexpr const char* k_select =
    "SELECT u.id, u.name, u.disabled_at, coalesce(p.email, ''), coalesce(p.aliases, ''), "
    "p.calendar_token_hash, coalesce(p.calendar_token_at, ''), coalesce(p.version, 0) "
    "FROM \"user\" u LEFT JOIN person p ON p.user_id = u.id ";

core::Person read_person(Statement& st) {
  core::Person p;
  p.user = st.integer(0);
  p.name = st.text(1);
  p.disabled = !st.text(2).empty();
  p.email = st.text(3);
  for (const auto& a : util::split(st.text(4), '\n'))
    if (!a.empty()) p.aliases.push_back(a);
  p.calendar = !st.is_null(5);
  p.calendar_since = st.text(6);
  p.version = st.integer(7);
  return p;
}

nlohmann::json person_json(const core::Person& p) {
  return {{"email", p.email}, {"aliases", p.aliases}};
}

class SqlPeopleStore final : public PeopleStore {
 public:
  explicit SqlPeopleStore(UnitOfWork& work) : m_work(work), m_db(work.db()) {}

  Result<core::Person> person(const core::User& user) override { return find(user.id); }

  Result<std::vector<core::Person>> people() override {
    Statement st(m_db, std::string(k_select) + "ORDER BY u.name");
    std::vector<core::Person> out;
    while (st.next()) out.push_back(read_person(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<core::Person> set_person(const core::User& user, const std::string& email,
                                  const std::vector<std::string>& aliases,
                                  std::optional<std::int64_t> expected_version) override {
    auto clean_email = util::trim(email);
    if (auto e = core::check_email(clean_email); !e) return std::unexpected(e.error());
    std::vector<std::string> clean;
    for (const auto& a : aliases) clean.push_back(util::trim(a));
    if (auto a = core::check_aliases(clean); !a) return std::unexpected(a.error());
    core::Person out;
    auto r = m_work.write([&]() -> Result<void> {
      auto before = find(user.id);
      if (!before) return std::unexpected(before.error());
      if (expected_version && *expected_version != before->version)
        return fail(ErrorCode::k_conflict, "person '" + user.name + "' was changed (version " +
                                               std::to_string(before->version) +
                                               ") since it was read (version " +
                                               std::to_string(*expected_version) + ")");
      if (auto w = ensure_row(user.id); !w) return w;
      Statement st(m_db,
                   "UPDATE person SET email = ?2, aliases = ?3, version = version + 1 WHERE "
                   "user_id = ?1");
      st.bind(1, user.id).bind(2, clean_email).bind(3, util::join(clean, "\n"));
      if (st.step() != sql::k_done) return std::unexpected(m_work.db_error("saving the person"));
      auto after = find(user.id);
      if (!after) return std::unexpected(after.error());
      out = *after;
      return m_work.audit("person", std::to_string(user.id), before->version ? "update" : "create",
                          before->version ? person_json(*before).dump() : "null",
                          person_json(out).dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::Person> set_calendar_token(const core::User& user,
                                          const std::string& token_hash) override {
    core::Person out;
    auto r = m_work.write([&]() -> Result<void> {
      if (auto w = ensure_row(user.id); !w) return w;
      Statement st(m_db,
                   "UPDATE person SET calendar_token_hash = ?2, calendar_token_at = ?3 WHERE "
                   "user_id = ?1");
      st.bind(1, user.id);
      if (token_hash.empty()) {
        st.bind(2, std::optional<int>{}).bind(3, std::string());
      } else {
        st.bind(2, token_hash).bind(3, util::now_utc());
      }
      if (st.step() != sql::k_done)
        return std::unexpected(m_work.db_error("saving the calendar token"));
      auto after = find(user.id);
      if (!after) return std::unexpected(after.error());
      out = *after;
      return m_work.audit("person", std::to_string(user.id),
                          token_hash.empty() ? "calendar-token-removed" : "calendar-token", "null",
                          nlohmann::json{{"calendar", out.calendar}}.dump());
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::Person> calendar_person(const std::string& token_hash) override {
    Statement st(m_db, std::string(k_select) + "WHERE p.calendar_token_hash = ?1");
    st.bind(1, token_hash);
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    if (!*row) return fail(ErrorCode::k_not_found, "no such calendar");
    auto p = read_person(st);
    if (p.disabled) return fail(ErrorCode::k_not_found, "no such calendar");
    return p;
  }

  Result<bool> claim_reminder(std::int64_t user, const std::string& kind, const std::string& item,
                              const std::string& at) override {
    bool claimed = false;
    auto r = m_work.write([&]() -> Result<void> {
      Statement st(m_db,
                   "INSERT INTO reminder_sent (user_id, kind, item, claimed_at) VALUES (?1, ?2, "
                   "?3, ?4) ON CONFLICT (user_id, kind, item) DO NOTHING");
      st.bind(1, user).bind(2, kind).bind(3, item).bind(4, at);
      if (st.step() != sql::k_done)
        return std::unexpected(m_work.db_error("claiming the reminder"));
      claimed = m_db->changes() == 1;
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return claimed;
  }

  Result<void> mark_reminder_sent(std::int64_t user, const std::string& kind,
                                  const std::string& item, const std::string& at) override {
    return m_work.write([&]() -> Result<void> {
      Statement st(m_db,
                   "UPDATE reminder_sent SET sent_at = ?4 WHERE user_id = ?1 AND kind = ?2 AND "
                   "item = ?3");
      st.bind(1, user).bind(2, kind).bind(3, item).bind(4, at);
      if (st.step() != sql::k_done)
        return std::unexpected(m_work.db_error("marking the reminder sent"));
      return {};
    });
  }

  Result<void> release_reminder(std::int64_t user, const std::string& kind,
                                const std::string& item) override {
    return m_work.write([&]() -> Result<void> {
      Statement st(m_db,
                   "DELETE FROM reminder_sent WHERE user_id = ?1 AND kind = ?2 AND item = ?3 AND "
                   "sent_at = ''");
      st.bind(1, user).bind(2, kind).bind(3, item);
      if (st.step() != sql::k_done)
        return std::unexpected(m_work.db_error("releasing the reminder"));
      return {};
    });
  }

  Result<bool> reminder_held(std::int64_t user, const std::string& kind,
                             const std::string& item) override {
    Statement st(m_db,
                 "SELECT 1 FROM reminder_sent WHERE user_id = ?1 AND kind = ?2 AND item = ?3");
    st.bind(1, user).bind(2, kind).bind(3, item);
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    return *row;
  }

  Result<std::int64_t> reminders_sent(const std::string& kind) override {
    Statement st(m_db,
                 "SELECT count(*) FROM reminder_sent WHERE sent_at <> '' AND (?1 = '' OR kind = "
                 "?1)");
    st.bind(1, kind);
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    return *row ? st.integer(0) : 0;
  }

 private:
  Result<core::Person> find(std::int64_t user) {
    Statement st(m_db, std::string(k_select) + "WHERE u.id = ?1");
    st.bind(1, user);
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    if (!*row) return fail(ErrorCode::k_not_found, "no user " + std::to_string(user));
    return read_person(st);
  }

  Result<void> ensure_row(std::int64_t user) {
    Statement st(m_db,
                 "INSERT INTO person (user_id, version) VALUES (?1, 0) ON CONFLICT (user_id) DO "
                 "NOTHING");
    st.bind(1, user);
    if (st.step() != sql::k_done) return std::unexpected(m_work.db_error("adding the person"));
    return {};
  }

  UnitOfWork& m_work;
  sql::Connection* m_db;
};

}  // namespace

std::unique_ptr<PeopleStore> make_people_store(UnitOfWork& work) {
  return std::make_unique<SqlPeopleStore>(work);
}

}  // namespace cyberframe::store
