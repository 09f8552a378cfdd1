#pragma once
// The JSON form of people and their work (workspace/people.hpp), one for the API and the CLI.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/people.hpp"
#include "core/reminders.hpp"

namespace cyberframe::codec {

// {name, email, aliases, calendar, calendar_since, version}
nlohmann::json to_json(const core::Person& person);
// {person, today, total, items: [{organization: {id, name}, kind, register, ref, title, owner,
// due, days_overdue, reason}]}
nlohmann::json work_to_json(const core::Person& person, const std::vector<core::WorkItem>& items,
                            const std::string& today);

}  // namespace cyberframe::codec
