#include "codec/people_json.hpp"

namespace cyberframe::codec {

using nlohmann::json;

json to_json(const core::Person& p) {
  return json{{"name", p.name},
              {"email", p.email},
              {"aliases", p.aliases},
              {"calendar", p.calendar},
              {"calendar_since", p.calendar_since.empty() ? json(nullptr) : json(p.calendar_since)},
              {"version", p.version}};
}

json work_to_json(const core::Person& person, const std::vector<core::WorkItem>& items,
                  const std::string& today) {
  json list = json::array();
  for (const auto& w : items) {
    const auto& i = w.item;
    list.push_back({{"organization", {{"id", w.organization}, {"name", w.organization_name}}},
                    {"kind", i.kind},
                    {"register", i.register_key},
                    {"ref", i.ref},
                    {"title", i.title},
                    {"owner", i.owner},
                    {"due", i.due.empty() ? json(nullptr) : json(i.due)},
                    {"days_overdue", i.days_overdue},
                    {"reason", i.reason}});
  }
  return json{{"person", person.name}, {"today", today}, {"total", items.size()}, {"items", list}};
}

}  // namespace cyberframe::codec
