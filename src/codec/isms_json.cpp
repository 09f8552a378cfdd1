#include "codec/isms_json.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "util/text.hpp"

namespace cyberframe::codec {

using util::ErrorCode;
using util::fail_field;

json to_json(const core::RegisterSpec& spec) {
  json fields = json::array();
  for (const auto& f : spec.fields) {
    json field{{"key", f.key},
               {"label", f.label},
               {"type", std::string(core::to_string(f.kind))},
               {"required", f.required}};
    if (f.kind == core::FieldKind::k_enum) field["values"] = f.values;
    if (f.kind == core::FieldKind::k_record) field["register"] = f.target;
    if (!f.help.empty()) field["help"] = f.help;
    fields.push_back(std::move(field));
  }
  return json{{"key", spec.key},
              {"clause", spec.clause},
              {"title", spec.title},
              {"prefix", spec.prefix},
              {"description", spec.description},
              {"approvable", spec.approvable},
              {"auditors_write", spec.auditors_write},
              {"statuses", spec.statuses},
              {"fields", fields}};
}

json fields_to_json(const core::RegisterSpec& spec, const core::IsmsRecord& record) {
  json out = json::object();
  for (const auto& [key, value] : record.fields) {
    const auto* f = spec.field(key);
    if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
      out[key] = *items;
      continue;
    }
    const auto& text = std::get<std::string>(value);
    if (f && f->kind == core::FieldKind::k_integer) {
      try {
        out[key] = std::stoll(text);
        continue;
      } catch (...) {
      }
    } else if (f && f->kind == core::FieldKind::k_number) {
      try {
        std::size_t used = 0;
        double d = std::stod(text, &used);
        if (used == text.size()) {
          if (text.find_first_of(".eE") == std::string::npos)
            out[key] = std::stoll(text);
          else
            out[key] = d;
          continue;
        }
      } catch (...) {
      }
    }
    out[key] = text;
  }
  return out;
}

void fields_from_json(const json& fields, core::IsmsRecord& into) {
  into.fields.clear();
  if (!fields.is_object()) return;
  for (const auto& [key, value] : fields.items()) {
    if (value.is_array()) {
      std::vector<std::string> items;
      for (const auto& item : value)
        items.push_back(item.is_string() ? item.get<std::string>() : item.dump());
      into.fields[key] = std::move(items);
    } else if (value.is_string()) {
      into.fields[key] = value.get<std::string>();
    } else if (!value.is_null()) {
      into.fields[key] = value.dump();
    }
  }
}

json to_json(const core::IsmsLink& link) {
  return json{{"kind", link.kind}, {"target", link.target}};
}

json to_json(const core::IsmsComment& c) {
  return json{{"id", c.id}, {"author", c.author}, {"at", c.at}, {"text", c.text}};
}

json to_json(const core::IsmsVersion& v) {
  return json{{"version", v.version},   {"revision", v.revision},
              {"status", v.status},     {"saved_at", v.saved_at},
              {"saved_by", v.saved_by}, {"record", json::parse(v.content, nullptr, false)}};
}

json raci_to_json(const core::RaciMatrix& m) {
  json roles = json::array();
  for (const auto& r : m.roles) {
    auto title = m.role_titles.find(r);
    roles.push_back({{"ref", r}, {"title", title == m.role_titles.end() ? "" : title->second}});
  }
  json rows = json::array();
  for (const auto& p : m.processes) {
    json cells = json::object();
    if (auto row = m.cells.find(p); row != m.cells.end())
      for (const auto& [role, letters] : row->second)
        if (!letters.empty()) cells[role] = letters;
    rows.push_back({{"process", p}, {"roles", cells}});
  }
  return json{{"roles", roles}, {"processes", rows}, {"warnings", m.warnings}};
}

json due_to_json(const std::vector<core::DueItem>& items, const std::string& today) {
  json list = json::array();
  for (const auto& i : items)
    list.push_back({{"kind", i.kind},
                    {"register", i.register_key},
                    {"ref", i.ref},
                    {"title", i.title},
                    {"owner", i.owner},
                    {"due", i.due.empty() ? json(nullptr) : json(i.due)},
                    {"days_overdue", i.days_overdue},
                    {"reason", i.reason}});
  return json{{"today", today}, {"total", items.size()}, {"items", list}};
}

json to_json(const core::IsmsRecord& r) {
  const auto* spec = core::find_register(r.register_key);
  json links = json::array();
  for (const auto& l : r.links) links.push_back(to_json(l));
  json out{{"id", r.id},
           {"register", r.register_key},
           {"ref", r.ref},
           {"title", r.title},
           {"status", r.status},
           {"owner", r.owner},
           {"fields", spec ? fields_to_json(*spec, r) : json::object()},
           {"links", links},
           {"revision", r.revision},
           {"approved_revision", r.approved_revision},
           {"approved", r.approved()},
           {"approved_by", r.approved_by},
           {"approved_at", r.approved_at},
           {"deleted", r.deleted},
           {"deleted_by", r.deleted_by},
           {"deleted_at", r.deleted_at},
           {"version", r.version},
           {"created_at", r.created_at},
           {"created_by", r.created_by},
           {"updated_at", r.updated_at},
           {"updated_by", r.updated_by}};
  if (r.register_key == "awareness") {
    auto p = core::completion_percent(r);
    out["completion"] = p ? json(*p) : json(nullptr);
  }
  return out;
}

util::Result<void> apply_json(const core::RegisterSpec& spec, const json& body,
                              core::IsmsRecord& record, bool partial) {
  if (!body.is_object())
    return fail_field(ErrorCode::k_invalid_input, "the body is not a JSON object", "");
  static const std::vector<std::string> known{"ref", "title", "status", "owner", "fields", "links"};
  for (const auto& [key, value] : body.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end())
      return fail_field(ErrorCode::k_invalid_input,
                        "unknown member '" + key.substr(0, 60) +
                            "'; a record has ref, title, status, owner, fields and links",
                        key.substr(0, 60));
  }
  for (const char* name : {"ref", "title", "status", "owner"}) {
    if (!body.contains(name)) continue;
    const auto& v = body[name];
    if (!v.is_string())
      return fail_field(ErrorCode::k_invalid_input, std::string(name) + " is a string", name);
    auto text = util::trim(v.get<std::string>());
    if (std::string_view(name) == "ref") record.ref = text;
    if (std::string_view(name) == "title") record.title = text;
    if (std::string_view(name) == "status") record.status = util::to_lower(text);
    if (std::string_view(name) == "owner") record.owner = text;
  }
  if (body.contains("fields")) {
    const auto& fields = body["fields"];
    if (!fields.is_object())
      return fail_field(ErrorCode::k_invalid_input, "fields is an object of the register's fields",
                        "fields");
    if (!partial) record.fields.clear();
    for (const auto& [key, value] : fields.items()) {
      const auto* f = spec.field(key);
      std::string text;
      if (value.is_null()) {
        text = "";
      } else if (value.is_string()) {
        text = value.get<std::string>();
        if (f && f->kind == core::FieldKind::k_list)
          return fail_field(ErrorCode::k_invalid_input, key + " is a list: an array of strings",
                            key);
      } else if (value.is_number()) {
        if (f && f->kind != core::FieldKind::k_number && f->kind != core::FieldKind::k_integer)
          return fail_field(ErrorCode::k_invalid_input, key + " is a string, not a number", key);
        text = value.dump();
      } else if (value.is_array()) {
        if (f && f->kind != core::FieldKind::k_list)
          return fail_field(ErrorCode::k_invalid_input, key + " is not a list", key);
        std::vector<std::string> items;
        for (const auto& item : value) {
          if (!item.is_string())
            return fail_field(ErrorCode::k_invalid_input, key + " is a list of strings", key);
          auto t = util::trim(item.get<std::string>());
          if (t.find(';') != std::string::npos)
            return fail_field(ErrorCode::k_invalid_input, key + ": an item holds ';'", key);
          items.push_back(t);
        }
        text = util::join(items, ";");
      } else {
        return fail_field(ErrorCode::k_invalid_input,
                          key.substr(0, 60) + " is a string, a number, a list or null",
                          key.substr(0, 60));
      }
      if (auto s = core::set_field(spec, record, key, text); !s) return s;
    }
  }
  if (body.contains("links")) {
    const auto& links = body["links"];
    if (!links.is_array())
      return fail_field(ErrorCode::k_invalid_input, "links is an array of {kind, target}", "links");
    std::vector<core::IsmsLink> out;
    for (const auto& l : links) {
      std::string text;
      if (l.is_string()) {
        text = l.get<std::string>();
      } else if (l.is_object() && l.size() == 2 && l.contains("kind") && l.contains("target") &&
                 l["kind"].is_string() && l["target"].is_string()) {
        text = l["kind"].get<std::string>() + ":" + l["target"].get<std::string>();
      } else {
        return fail_field(ErrorCode::k_invalid_input,
                          "links: each link is {\"kind\": ..., \"target\": ...}", "links");
      }
      auto link = core::parse_link(text);
      if (!link) return std::unexpected(link.error());
      out.push_back(*link);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    record.links = std::move(out);
  }
  return {};
}

}  // namespace cyberframe::codec
