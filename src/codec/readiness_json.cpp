#include "codec/readiness_json.hpp"

#include <nlohmann/json.hpp>

#include <map>

#include "core/isms.hpp"

namespace cyberframe::codec {

using nlohmann::json;

namespace {

const char* top_title(const std::string& top) {
  if (top == "4") return "Context of the organization";
  if (top == "5") return "Leadership";
  if (top == "6") return "Planning";
  if (top == "7") return "Support";
  if (top == "8") return "Operation";
  if (top == "9") return "Performance evaluation";
  return "Improvement";
}

}  // namespace

json readiness_to_json(const core::Readiness& r, const std::string& organization) {
  json reqs = json::array();
  json clauses = json::array();
  std::string top;
  for (const auto& q : r.requirements) {
    auto t = q.clause.substr(0, q.clause.find('.'));
    if (t != top) {
      top = t;
      clauses.push_back(
          {{"clause", t}, {"title", top_title(t)}, {"met", 0}, {"partial", 0}, {"missing", 0}});
    }
    auto& c = clauses.back()[std::string(core::to_string(q.status))];
    c = c.get<int>() + 1;
    json evidence = json::array();
    for (const auto& e : q.evidence) {
      json item{{"kind", e.kind}, {"ref", e.ref}, {"title", e.title}, {"state", e.state}};
      if (core::find_register(e.kind)) item["register"] = e.kind;
      evidence.push_back(std::move(item));
    }
    reqs.push_back({{"clause", q.clause},
                    {"title", q.title},
                    {"node", q.node},
                    {"status", core::to_string(q.status)},
                    {"evidence", std::move(evidence)},
                    {"missing", q.missing}});
  }
  return json{{"framework", core::k_isms_framework},
              {"organization", organization},
              {"today", r.today},
              {"summary",
               {{"requirements", r.requirements.size()},
                {"met", r.met},
                {"partial", r.partial},
                {"missing", r.missing}}},
              {"clauses", std::move(clauses)},
              {"requirements", std::move(reqs)}};
}

}  // namespace cyberframe::codec
