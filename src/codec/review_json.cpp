#include "codec/review_json.hpp"

#include <nlohmann/json.hpp>

namespace cyberframe::codec {

using nlohmann::json;

namespace {

json score(const std::optional<double>& v) {
  if (!v) return nullptr;
  return static_cast<double>(static_cast<long long>(*v * 100 + (*v >= 0 ? 0.5 : -0.5))) / 100.0;
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

json to_json(const core::ReviewInputs& in) {
  json j = json::object();
  j["review"] = in.review;
  j["date"] = in.date;
  j["since"] = in.since;
  j["prepared_at"] = in.prepared_at;
  j["frozen"] = in.frozen;
  j["held_at"] = in.held_at;
  j["held_by"] = in.held_by;
  for (const auto& i : in.inputs) {
    json o = json::object();
    o["title"] = i.title;
    json summary = json::object();
    for (const auto& [k, v] : i.summary) summary[k] = v;
    o["summary"] = summary;
    json records = json::array();
    for (const auto& r : i.records) {
      json x = json::object();
      if (!r.register_key.empty())
        x["register"] = r.register_key;
      else
        x["kind"] = r.kind;
      x["ref"] = r.ref;
      x["title"] = r.title;
      x["status"] = r.status;
      x["why"] = r.why;
      records.push_back(std::move(x));
    }
    o["records"] = std::move(records);
    if (i.key == "profile") {
      json ps = json::array();
      for (const auto& p : in.profiles)
        ps.push_back({{"profile", p.profile},
                      {"framework", p.framework},
                      {"before", score(p.before)},
                      {"before_at", p.before_at},
                      {"now", score(p.now)},
                      {"now_at", p.now_at}});
      o["profiles"] = std::move(ps);
    }
    j[i.key] = std::move(o);
  }
  return j;
}

util::Result<core::ReviewInputs> review_inputs_from_json(const json& j) {
  auto bad = [] {
    return util::fail(util::ErrorCode::k_invalid_input,
                      "the stored review inputs are not readable");
  };
  if (!j.is_object()) return bad();
  core::ReviewInputs in;
  in.review = str(j, "review");
  in.date = str(j, "date");
  in.since = str(j, "since");
  in.prepared_at = str(j, "prepared_at");
  in.frozen = j.value("frozen", false);
  in.held_at = str(j, "held_at");
  in.held_by = str(j, "held_by");
  for (const char* key : {"a", "b", "c", "d", "e", "f", "g", "profile"}) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_object()) return bad();
    core::ReviewInput i;
    i.key = key;
    i.title = str(*it, "title");
    if (auto s = it->find("summary"); s != it->end() && s->is_object())
      for (auto v = s->begin(); v != s->end(); ++v)
        if (v->is_number_integer()) i.summary.emplace_back(v.key(), v->get<std::int64_t>());
    if (auto rs = it->find("records"); rs != it->end() && rs->is_array())
      for (const auto& r : *rs) {
        if (!r.is_object()) return bad();
        i.records.push_back(core::ReviewItem{str(r, "register"), str(r, "kind"), str(r, "ref"),
                                             str(r, "title"), str(r, "status"), str(r, "why")});
      }
    if (i.key == "profile")
      if (auto ps = it->find("profiles"); ps != it->end() && ps->is_array())
        for (const auto& p : *ps) {
          core::ProfileProgress pp;
          pp.profile = str(p, "profile");
          pp.framework = str(p, "framework");
          if (p.contains("before") && p["before"].is_number())
            pp.before = p["before"].get<double>();
          pp.before_at = str(p, "before_at");
          if (p.contains("now") && p["now"].is_number()) pp.now = p["now"].get<double>();
          pp.now_at = str(p, "now_at");
          in.profiles.push_back(std::move(pp));
        }
    in.inputs.push_back(std::move(i));
  }
  return in;
}

}  // namespace cyberframe::codec
