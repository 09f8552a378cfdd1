#include "codec/document_json.hpp"

#include <nlohmann/json.hpp>

namespace cyberframe::codec {

json to_json(const core::DocumentVersion& v) {
  json file = nullptr;
  if (!v.sha256.empty())
    file = json{{"name", v.file_name},
                {"media_type", v.media_type},
                {"size", v.size},
                {"sha256", v.sha256}};
  return json{{"number", v.number},
              {"state", std::string(core::to_string(v.state))},
              {"file", file},
              {"author", v.author},
              {"created_at", v.created_at},
              {"change_note", v.change_note},
              {"submitted_by", v.submitted_by},
              {"submitted_at", v.submitted_at},
              {"reviewer", v.reviewer},
              {"approver", v.approver},
              {"approved_at", v.approved_at},
              {"published_by", v.published_by},
              {"published_at", v.published_at},
              {"ended_at", v.ended_at}};
}

json to_json(const core::Document& d, bool with_versions) {
  json links = json::array();
  for (const auto& l : d.links) links.push_back(json{{"kind", l.kind}, {"target", l.target}});
  const auto* published = core::published_version(d);
  const auto* newest = core::newest_version(d);
  json out{{"ref", d.ref},
           {"title", d.title},
           {"type", std::string(core::to_string(d.type))},
           {"owner", d.owner},
           {"classification", std::string(core::to_string(d.classification))},
           {"review_months", d.review_months},
           {"next_review", d.next_review},
           {"retention", d.retention},
           {"distribution", d.distribution},
           {"links", links},
           {"state", std::string(core::to_string(core::state_of(d)))},
           {"published_version", published ? json(published->number) : json(nullptr)},
           {"newest_version", newest ? json{{"number", newest->number},
                                            {"state", std::string(core::to_string(newest->state))}}
                                     : json(nullptr)},
           {"retired", d.retired},
           {"deleted", d.deleted},
           {"version", d.version},
           {"created_at", d.created_at},
           {"created_by", d.created_by},
           {"updated_at", d.updated_at},
           {"updated_by", d.updated_by}};
  if (with_versions) {
    json versions = json::array();
    for (const auto& v : d.versions) versions.push_back(to_json(v));
    out["versions"] = versions;
  }
  return out;
}

json to_json(const core::DocumentAck& a) {
  return json{{"person", a.person}, {"version", a.version}, {"acknowledged_at", a.acknowledged_at}};
}

}  // namespace cyberframe::codec
