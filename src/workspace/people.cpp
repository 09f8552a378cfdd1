// People and their work: e-mail and aliases of an account, what is due for a person, the
// calendar feed and the reminder job (people.hpp).
#include "workspace/people.hpp"

#include <sodium.h>

#include <cstring>
#include <map>
#include <stdexcept>

#include "core/isms.hpp"
#include "store/store.hpp"
#include "util/clock.hpp"
#include "util/date.hpp"
#include "util/digest.hpp"
#include "util/text.hpp"
#include "workspace/isms.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

using util::ErrorCode;
using util::fail;

namespace {

store::PeopleStore& repo(Workspace& ws, const std::string& actor = "") {
  if (!actor.empty()) ws.storage().set_actor(actor);
  return ws.storage().people();
}

std::string new_secret() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  std::string out(sodium_base64_ENCODED_LEN(sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), raw, sizeof raw,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return "cal_" + out;
}

Result<std::vector<core::Organization>> organizations_named(Workspace& ws,
                                                            const std::vector<std::int64_t>& ids) {
  auto all = ws.organizations();
  if (!all) return std::unexpected(all.error());
  if (ids.empty()) return *all;
  std::vector<core::Organization> out;
  for (const auto& o : *all)
    if (std::find(ids.begin(), ids.end(), o.id) != ids.end()) out.push_back(o);
  return out;
}

}  // namespace

Result<core::Person> find_person(Workspace& ws, const std::string& name) {
  auto user = ws.storage().user(name);
  if (!user) return std::unexpected(user.error());
  return repo(ws).person(*user);
}

Result<core::Person> person_named(Workspace& ws, const std::string& text) {
  auto clean = util::trim(text);
  if (clean.empty()) return fail(ErrorCode::k_invalid_input, "person: the name is empty");
  auto exact = find_person(ws, clean);
  if (exact) return exact;
  if (exact.error().code != ErrorCode::k_not_found) return exact;
  auto people = list_people(ws);
  if (!people) return std::unexpected(people.error());
  std::vector<const core::Person*> found;
  for (const auto& p : *people)
    if (core::names_person(clean, p)) found.push_back(&p);
  if (found.empty())
    return fail(ErrorCode::k_not_found,
                "no account is named '" + clean + "' or known by that alias or e-mail address");
  if (found.size() > 1)
    return fail(ErrorCode::k_invalid_input, "'" + clean + "' names " +
                                                std::to_string(found.size()) +
                                                " accounts; give the account's name");
  return *found.front();
}

Result<std::vector<core::Person>> list_people(Workspace& ws) {
  return repo(ws).people();
}

Result<core::Person> set_person(Workspace& ws, const std::string& actor, const std::string& name,
                                std::optional<std::string> email,
                                std::optional<std::vector<std::string>> aliases,
                                std::optional<std::int64_t> expected_version) {
  auto user = ws.storage().user(name);
  if (!user) return std::unexpected(user.error());
  auto current = repo(ws).person(*user);
  if (!current) return std::unexpected(current.error());
  return repo(ws, actor).set_person(*user, email ? *email : current->email,
                                    aliases ? *aliases : current->aliases, expected_version);
}

Result<std::vector<std::int64_t>> organizations_of(Workspace& ws, const core::User& user) {
  std::vector<std::int64_t> out;
  if (user.administrator) {
    auto all = ws.organizations();
    if (!all) return std::unexpected(all.error());
    for (const auto& o : *all) out.push_back(o.id);
  } else {
    for (const auto& [org, role] : user.roles) out.push_back(org);
  }
  return out;
}

Result<std::vector<core::WorkItem>> person_work(Workspace& ws, const core::Person& person,
                                                const std::vector<std::int64_t>& organizations,
                                                const std::string& today) {
  auto orgs = organizations_named(ws, organizations);
  if (!orgs) return std::unexpected(orgs.error());
  std::vector<core::WorkItem> out;
  for (const auto& o : *orgs) {
    auto items = isms_due(ws, o.id, today);
    if (!items) return std::unexpected(items.error());
    for (auto& i : *items)
      if (core::concerns(i, person)) out.push_back({o.id, o.name, std::move(i)});
  }
  core::sort_work(out);
  return out;
}

Result<std::string> rotate_calendar_token(Workspace& ws, const std::string& actor,
                                          const std::string& name) {
  auto user = ws.storage().user(name);
  if (!user) return std::unexpected(user.error());
  auto secret = new_secret();
  auto stored = repo(ws, actor).set_calendar_token(*user, util::sha256_hex(secret));
  if (!stored) return std::unexpected(stored.error());
  return secret;
}

Result<core::Person> remove_calendar_token(Workspace& ws, const std::string& actor,
                                           const std::string& name) {
  auto user = ws.storage().user(name);
  if (!user) return std::unexpected(user.error());
  return repo(ws, actor).set_calendar_token(*user, "");
}

Result<core::Person> calendar_person(Workspace& ws, const std::string& secret) {
  if (secret.size() < 8 || secret.size() > 100 || !secret.starts_with("cal_"))
    return fail(ErrorCode::k_not_found, "no such calendar");
  return repo(ws).calendar_person(util::sha256_hex(secret));
}

Result<std::string> person_calendar(Workspace& ws, const core::Person& person,
                                    const std::string& today) {
  auto user = ws.storage().user(person.name);
  if (!user) return std::unexpected(user.error());
  auto orgs = organizations_of(ws, *user);
  if (!orgs) return std::unexpected(orgs.error());
  if (orgs->empty()) return core::calendar_text(person, {}, util::now_utc());
  auto work = person_work(ws, person, *orgs, today);
  if (!work) return std::unexpected(work.error());
  return core::calendar_text(person, *work, util::now_utc());
}

Result<ReminderRun> send_reminders(Workspace& ws, const MailSender& send, std::int64_t organization,
                                   const std::string& today) {
  if (!util::day_number(today))
    return fail(ErrorCode::k_invalid_input,
                "today: '" + today.substr(0, 40) + "' is not a date (YYYY-MM-DD)");
  auto people = list_people(ws);
  if (!people) return std::unexpected(people.error());
  std::vector<core::Person> active;
  for (auto& p : *people)
    if (!p.disabled) active.push_back(std::move(p));
  auto orgs = organizations_named(
      ws, organization ? std::vector<std::int64_t>{organization} : std::vector<std::int64_t>{});
  if (!orgs) return std::unexpected(orgs.error());
  if (organization && orgs->empty())
    return fail(ErrorCode::k_not_found, "no organization " + std::to_string(organization));
  auto& log = repo(ws);
  ReminderRun run;

  // Sends one mail claimed in the log; false when sending failed (the claim is released).
  auto deliver = [&](const core::Person& p, const std::string& kind, const std::string& item,
                     const core::Mail& mail) -> Result<bool> {
    auto r = send(mail);
    if (!r) {
      if (auto released = log.release_reminder(p.user, kind, item); !released)
        return std::unexpected(released.error());
      ++run.failed;
      run.problems.push_back(kind + " to " + p.name + " <" + p.email + ">: " + r.error().message);
      return false;
    }
    if (auto marked = log.mark_reminder_sent(p.user, kind, item, util::now_utc()); !marked)
      return std::unexpected(marked.error());
    return true;
  };

  // The digests.
  std::map<std::int64_t, std::vector<core::WorkItem>> work;  // by user
  for (const auto& o : *orgs) {
    auto items = isms_due(ws, o.id, today);
    if (!items) return std::unexpected(items.error());
    for (const auto& i : *items)
      for (const auto& p : active)
        if (core::concerns(i, p)) work[p.user].push_back({o.id, o.name, i});
  }
  const std::string digest_key = organization ? today + "/" + std::to_string(organization) : today;
  for (const auto& p : active) {
    auto it = work.find(p.user);
    if (it == work.end() || it->second.empty()) continue;
    if (p.email.empty()) {
      run.problems.push_back(p.name + " has " + std::to_string(it->second.size()) +
                             " items due but no e-mail address");
      continue;
    }
    auto claimed = log.claim_reminder(p.user, "digest", digest_key, util::now_utc());
    if (!claimed) return std::unexpected(claimed.error());
    if (!*claimed) {
      ++run.already_sent;
      continue;
    }
    core::sort_work(it->second);
    auto sent = deliver(p, "digest", digest_key, core::digest_mail(p, it->second, today));
    if (!sent) return std::unexpected(sent.error());
    if (*sent) ++run.digests;
  }

  // The assignments: the owners of the live ISMS records.
  for (const auto& o : *orgs) {
    const auto org_key = std::to_string(o.id);
    auto baselined = log.reminder_held(0, "baseline", org_key);
    if (!baselined) return std::unexpected(baselined.error());
    for (const auto& spec : core::isms_registers()) {
      core::IsmsQuery query;
      query.slice = util::Slice::all();
      auto records = list_records(ws, o.id, spec.key, query);
      if (!records) return std::unexpected(records.error());
      for (const auto& r : records->items) {
        if (r.deleted || util::trim(r.owner).empty()) continue;
        for (const auto& p : active) {
          if (!core::names_person(r.owner, p)) continue;
          auto item = org_key + "/" + spec.key + "/" + r.ref;
          auto claimed = log.claim_reminder(p.user, "assignment", item, util::now_utc());
          if (!claimed) return std::unexpected(claimed.error());
          if (!*claimed) continue;  // told before, or named by it when the job last ran
          if (!*baselined || p.email.empty()) {
            if (auto m = log.mark_reminder_sent(p.user, "assignment", item, util::now_utc()); !m)
              return std::unexpected(m.error());
            ++run.baseline;
            continue;
          }
          auto sent = deliver(p, "assignment", item,
                              core::assignment_mail(p, o.name, spec.key, r.ref, r.title, r.status));
          if (!sent) return std::unexpected(sent.error());
          if (*sent) ++run.notices;
        }
      }
    }
    if (!*baselined) {
      auto claimed = log.claim_reminder(0, "baseline", org_key, util::now_utc());
      if (!claimed) return std::unexpected(claimed.error());
      if (*claimed)
        if (auto m = log.mark_reminder_sent(0, "baseline", org_key, util::now_utc()); !m)
          return std::unexpected(m.error());
    }
  }
  return run;
}

}  // namespace cyberframe::workspace
