#pragma once
// People and their work (docs/user-guide.md, "Reminders, calendar and my work"): an account's
// e-mail address and aliases, what is due for a person across the organizations, the calendar
// feed's token, and the reminder job that e-mails each person a daily digest and a notice of each
// new assignment, never twice.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts.hpp"
#include "core/people.hpp"
#include "core/reminders.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;
using util::Result;

// The account `name` (without regard to case) as a person. k_not_found for an unknown account.
Result<core::Person> find_person(Workspace& ws, const std::string& name);
// The person a text stands for: an account name, else the one account with that alias or e-mail
// address (k_invalid_input when several have it). k_not_found naming the text otherwise.
Result<core::Person> person_named(Workspace& ws, const std::string& text);
// Every account as a person, by name.
Result<std::vector<core::Person>> list_people(Workspace& ws);
// Sets what is given (email "" clears it); `expected_version` as PeopleStore::set_person.
Result<core::Person> set_person(Workspace& ws, const std::string& actor, const std::string& name,
                                std::optional<std::string> email,
                                std::optional<std::vector<std::string>> aliases,
                                std::optional<std::int64_t> expected_version = std::nullopt);

// What is due for the person in the organizations `organizations` (ids; empty: every one) on
// `today` (YYYY-MM-DD), sorted (core::sort_work).
Result<std::vector<core::WorkItem>> person_work(Workspace& ws, const core::Person& person,
                                                const std::vector<std::int64_t>& organizations,
                                                const std::string& today);
// The organizations an account sees: an administrator every one, others those it has a role in.
Result<std::vector<std::int64_t>> organizations_of(Workspace& ws, const core::User& user);

// Makes (or replaces) the account's calendar token: returns the secret, shown once ("cal_" and
// 43 characters); only its SHA-256 is kept.
Result<std::string> rotate_calendar_token(Workspace& ws, const std::string& actor,
                                          const std::string& name);
// Removes the account's calendar token (its URL then answers 404).
Result<core::Person> remove_calendar_token(Workspace& ws, const std::string& actor,
                                           const std::string& name);
// The person of a calendar secret; k_not_found for an unknown or revoked one, a disabled account.
Result<core::Person> calendar_person(Workspace& ws, const std::string& secret);
// The calendar feed's text for the person on `today` (core::calendar_text).
Result<std::string> person_calendar(Workspace& ws, const core::Person& person,
                                    const std::string& today);

// --- the reminder job ---
using MailSender = std::function<Result<void>(const core::Mail& mail)>;
struct ReminderRun {
  std::size_t digests = 0;       // digests sent
  std::size_t notices = 0;       // notices of assignments sent
  std::size_t already_sent = 0;  // digests or notices the sent log already held
  std::size_t baseline = 0;      // assignments recorded without a notice on a first run
  std::size_t failed = 0;        // mails the server refused (not marked sent: the next run tries)
  std::vector<std::string> problems;  // one line per failure, and persons without an address
};
// Sends, for `organization` (0: every one) on `today`:
// - to each enabled person with an e-mail address and something due, one digest a day
//   (sent log: kind "digest", item the day, or "DAY/ORG-ID" for one organization);
// - a notice for each live ISMS record whose owner now names the person and did not when the
//   job last ran (sent log: kind "assignment", item "ORG-ID/REGISTER/REF"); the first run in an
//   organization records its assignments as they stand without sending notices.
// Each mail is claimed in the sent log before it goes out and released when sending fails, so
// that two runs, or two processes at once, never send one twice.
Result<ReminderRun> send_reminders(Workspace& ws, const MailSender& send, std::int64_t organization,
                                   const std::string& today);

}  // namespace cyberframe::workspace
