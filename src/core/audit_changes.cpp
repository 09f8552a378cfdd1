#include "core/audit_changes.hpp"

#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/input_rules.hpp"

namespace cyberframe::core {

namespace {

using nlohmann::ordered_json;
using util::ErrorCode;
using util::fail;

// The record as JSON: absent ("" or "null" both mean no record), JSON, or the text as a string.
ordered_json record(std::string_view text) {
  if (text.empty()) return nullptr;
  auto j = ordered_json::parse(text, nullptr, false);
  return j.is_discarded() ? ordered_json(std::string(text)) : j;
}

// RFC 6901: '~' is "~0" and '/' is "~1".
std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

bool scalars_only(const ordered_json& a) {
  for (const auto& e : a)
    if (e.is_object() || e.is_array()) return false;
  return true;
}

std::optional<std::string> text_of(const ordered_json* v) {
  if (v == nullptr) return std::nullopt;
  return v->dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// A container worth walking into when the other side has no value there: a non-empty object, or
// an array holding an object or an array.
bool walkable(const ordered_json* v) {
  return v != nullptr && !v->empty() && (v->is_object() || (v->is_array() && !scalars_only(*v)));
}

void walk(const std::string& path, const ordered_json* before, const ordered_json* after,
          std::vector<FieldChange>& out) {
  // A field added or removed whole is listed field by field too, against an empty container.
  const ordered_json k_object = ordered_json::object();
  const ordered_json k_array = ordered_json::array();
  if (before == nullptr && walkable(after)) before = after->is_object() ? &k_object : &k_array;
  if (after == nullptr && walkable(before)) after = before->is_object() ? &k_object : &k_array;
  if (before != nullptr && after != nullptr) {
    if (*before == *after) return;
    if (before->is_object() && after->is_object()) {
      for (const auto& [key, value] : after->items()) {
        auto it = before->find(key);
        walk(path + "/" + pointer_token(key), it == before->end() ? nullptr : &*it, &value, out);
      }
      for (const auto& [key, value] : before->items())
        if (!after->contains(key)) walk(path + "/" + pointer_token(key), &value, nullptr, out);
      return;
    }
    if (before->is_array() && after->is_array() &&
        !(scalars_only(*before) && scalars_only(*after))) {
      auto n = std::max(before->size(), after->size());
      for (std::size_t i = 0; i < n; ++i)
        walk(path + "/" + std::to_string(i), i < before->size() ? &(*before)[i] : nullptr,
             i < after->size() ? &(*after)[i] : nullptr, out);
      return;
    }
  }
  out.push_back(FieldChange{path, text_of(before), text_of(after)});
}

bool digits(std::string_view t, std::size_t at, std::size_t n) {
  if (at + n > t.size()) return false;
  for (std::size_t i = at; i < at + n; ++i)
    if (t[i] < '0' || t[i] > '9') return false;
  return true;
}

int number(std::string_view t, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (t[i] - '0');
  return v;
}

// Howard Hinnant's days_from_civil and civil_from_days (proleptic Gregorian calendar).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

}  // namespace

std::vector<FieldChange> field_changes(std::string_view before, std::string_view after) {
  auto b = record(before);
  auto a = record(after);
  std::vector<FieldChange> out;
  // A created or removed record lists every field of the other side.
  const ordered_json* pb = b.is_null() && a.is_object() ? nullptr : &b;
  const ordered_json* pa = a.is_null() && b.is_object() ? nullptr : &a;
  walk("", pb, pa, out);
  return out;
}

std::string change_text(const std::optional<std::string>& value) {
  if (!value) return "";
  if (value->size() >= 2 && value->front() == '"') {
    auto j = ordered_json::parse(*value, nullptr, false);
    if (j.is_string()) return j.get<std::string>();
  }
  return *value;
}

util::Result<std::string> audit_time_bound(std::string_view parameter, std::string_view text,
                                           bool upper) {
  std::string name(parameter);
  auto bad = [&](const std::string& why) {
    // The text as typed, when it is short printable ASCII (as check_date quotes it).
    std::string shown = text.size() <= 40 ? std::string(text) : std::string();
    for (char c : shown)
      if (c < 0x20 || c > 0x7E) shown.clear();
    return fail(ErrorCode::k_invalid_input,
                name + (shown.empty() ? std::string() : " '" + shown + "'") + " " + why);
  };
  if (text.size() == 10) {
    if (auto d = check_date(name, text); !d) return std::unexpected(d.error());
    return std::string(text) + (upper ? "T23:59:59Z" : "T00:00:00Z");
  }
  const char* shape =
      "is not a date (YYYY-MM-DD) or an RFC 3339 timestamp (YYYY-MM-DDTHH:MM:SSZ, or with an "
      "offset such as +02:00)";
  if (text.size() < 20 || !digits(text, 0, 4) || text[4] != '-' || !digits(text, 5, 2) ||
      text[7] != '-' || !digits(text, 8, 2) || (text[10] != 'T' && text[10] != 't') ||
      !digits(text, 11, 2) || text[13] != ':' || !digits(text, 14, 2) || text[16] != ':' ||
      !digits(text, 17, 2))
    return bad(shape);
  if (auto d = check_date(name, text.substr(0, 10)); !d) return std::unexpected(d.error());
  int hh = number(text, 11, 2), mm = number(text, 14, 2), ss = number(text, 17, 2);
  if (hh > 23 || mm > 59 || ss > 60) return bad("is not a time of day (00:00:00-23:59:59)");
  std::size_t at = 19;
  bool fraction = false;
  if (at < text.size() && text[at] == '.') {
    std::size_t start = ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (text[at] != '0') fraction = true;
      ++at;
    }
    if (at == start || at - start > 9) return bad(shape);
  }
  int offset = 0;  // minutes east of UTC
  if (at + 1 == text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at + 6 == text.size() && (text[at] == '+' || text[at] == '-') &&
             digits(text, at + 1, 2) && text[at + 3] == ':' && digits(text, at + 4, 2)) {
    int oh = number(text, at + 1, 2), om = number(text, at + 4, 2);
    if (oh > 23 || om > 59) return bad("has an offset that is not one (-23:59 to +23:59)");
    offset = (text[at] == '-' ? -1 : 1) * (oh * 60 + om);
    at += 6;
  } else {
    return bad(shape);
  }
  std::int64_t seconds =
      days_from_civil(number(text, 0, 4), static_cast<unsigned>(number(text, 5, 2)),
                      static_cast<unsigned>(number(text, 8, 2))) *
          86400 +
      hh * 3600 + mm * 60 + std::min(ss, 59) - static_cast<std::int64_t>(offset) * 60;
  // The trail keeps whole seconds: a lower bound within a second starts at the next one.
  if (fraction && !upper) seconds += 1;
  std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  std::int64_t rest = seconds - days * 86400;
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days, y, m, d);
  if (y < 1 || y > 9999) return bad("is outside the years 0001-9999 in UTC");
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(y), m, d,
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return std::string(out);
}

util::Result<void> set_audit_period(AuditQuery& query, std::string_view from, std::string_view to) {
  if (!from.empty()) {
    auto f = audit_time_bound("from", from, false);
    if (!f) return std::unexpected(f.error());
    query.from = *f;
  }
  if (!to.empty()) {
    auto t = audit_time_bound("to", to, true);
    if (!t) return std::unexpected(t.error());
    query.to = *t;
  }
  if (!query.from.empty() && !query.to.empty() && query.from > query.to)
    return fail(ErrorCode::k_invalid_input, "from (" + query.from + ") is later than to (" +
                                                query.to + "): no change can be in between");
  return {};
}

}  // namespace cyberframe::core
