#pragma once
// The repository of people (core/people.hpp): an account's e-mail address and aliases, its
// calendar feed's token (only the SHA-256 of the secret) and the reminder job's sent log.
// Reached as Store::people(); the SQL lives in people_store.cpp on the store's unit of work.
//
// Contract (as Store's): a change of a person is one transaction with its audit row (entity
// "person", id the account's id, before and after {email, aliases}; a token's rotation is
// audited as "calendar-token" without the hash). The sent log is the reminder job's state, not a
// record of the workspace: its rows are written without audit rows, like the login throttle's.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts.hpp"
#include "core/people.hpp"
#include "util/result.hpp"

namespace cyberframe::store {

using util::Result;

class PeopleStore {
 public:
  virtual ~PeopleStore() = default;

  // The account (Store::user) with its person data (version 0 when none is stored).
  virtual Result<core::Person> person(const core::User& user) = 0;
  // Every account, enabled or not, by name, with its person data.
  virtual Result<std::vector<core::Person>> people() = 0;
  // Replaces the e-mail address and the aliases (checked: core::check_email, check_aliases).
  // `expected_version`, when given, must be the stored one (0: nothing stored), else k_conflict.
  virtual Result<core::Person> set_person(const core::User& user, const std::string& email,
                                          const std::vector<std::string>& aliases,
                                          std::optional<std::int64_t> expected_version) = 0;
  // Replaces the calendar feed's token of the account by `token_hash` ("" removes it).
  virtual Result<core::Person> set_calendar_token(const core::User& user,
                                                  const std::string& token_hash) = 0;
  // The enabled account whose calendar token hashes to `token_hash`; k_not_found otherwise.
  virtual Result<core::Person> calendar_person(const std::string& token_hash) = 0;

  // The sent log. claim_reminder inserts (user, kind, item) unless it is there: true when this
  // call claimed it (the caller then sends and marks it sent, or releases it when sending
  // failed), false when it was claimed or sent before, by this or another process.
  virtual Result<bool> claim_reminder(std::int64_t user, const std::string& kind,
                                      const std::string& item, const std::string& at) = 0;
  virtual Result<void> mark_reminder_sent(std::int64_t user, const std::string& kind,
                                          const std::string& item, const std::string& at) = 0;
  virtual Result<void> release_reminder(std::int64_t user, const std::string& kind,
                                        const std::string& item) = 0;
  // Whether the log holds (user, kind, item), claimed or sent.
  virtual Result<bool> reminder_held(std::int64_t user, const std::string& kind,
                                     const std::string& item) = 0;
  // How many rows of the log are marked sent (for a kind, or all when "").
  virtual Result<std::int64_t> reminders_sent(const std::string& kind) = 0;
};

}  // namespace cyberframe::store
