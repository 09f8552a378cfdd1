#include "core/document.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

#include "core/enum_names.hpp"
#include "core/input_rules.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace cyberframe::core {

namespace {

using util::ErrorCode;
using util::fail;
using util::fail_field;

constexpr Names<DocumentType, 8> k_types{{
    {DocumentType::k_policy, "policy"},
    {DocumentType::k_topic_specific_policy, "topic-specific-policy"},
    {DocumentType::k_procedure, "procedure"},
    {DocumentType::k_standard, "standard"},
    {DocumentType::k_plan, "plan"},
    {DocumentType::k_record, "record"},
    {DocumentType::k_report, "report"},
    {DocumentType::k_other, "other"},
}};

constexpr Names<Classification, 4> k_classifications{{
    {Classification::k_public, "public"},
    {Classification::k_internal, "internal"},
    {Classification::k_confidential, "confidential"},
    {Classification::k_restricted, "restricted"},
}};

constexpr Names<VersionState, 6> k_states{{
    {VersionState::k_draft, "draft"},
    {VersionState::k_in_review, "in-review"},
    {VersionState::k_approved, "approved"},
    {VersionState::k_published, "published"},
    {VersionState::k_superseded, "superseded"},
    {VersionState::k_retired, "retired"},
}};

DocumentVersion* find_state(Document& d, VersionState s) {
  for (auto& v : d.versions)
    if (v.state == s) return &v;
  return nullptr;
}

DocumentVersion* in_progress(Document& d) {
  for (auto& v : d.versions)
    if (v.state == VersionState::k_draft || v.state == VersionState::k_in_review ||
        v.state == VersionState::k_approved)
      return &v;
  return nullptr;
}

std::string vname(const Document& d, const DocumentVersion& v) {
  return d.ref + " version " + std::to_string(v.number);
}

util::Result<void> not_retired(const Document& d) {
  if (d.retired)
    return fail_field(ErrorCode::k_invalid_input,
                      d.ref + " is retired: a retired document takes no further step", "state");
  return {};
}

// The version in `state` the step works on, or the refusal naming what there is instead.
util::Result<DocumentVersion*> the_version(Document& d, VersionState state, std::string_view step) {
  if (auto r = not_retired(d); !r) return std::unexpected(r.error());
  if (auto* v = find_state(d, state)) return v;
  auto* newest = newest_version(d);
  std::string now = newest ? "its newest version " + std::to_string(newest->number) + " is " +
                                 std::string(to_string(newest->state))
                           : "it has no version";
  return fail_field(ErrorCode::k_invalid_input,
                    "cannot " + std::string(step) + " " + d.ref + ": it has no version " +
                        std::string(to_string(state)) + " (" + now + ")",
                    "state");
}

util::Result<void> check_review_date(const std::string& date) {
  if (date.empty()) return {};
  if (auto c = check_date("next review", date); !c)
    return fail_field(ErrorCode::k_invalid_input, c.error().message, "next_review");
  return {};
}

}  // namespace

std::string_view to_string(DocumentType t) {
  return name_of(k_types, t);
}
std::optional<DocumentType> parse_document_type(std::string_view text) {
  return parse_from(k_types, text);
}
const std::vector<DocumentType>& document_types() {
  static const std::vector<DocumentType> all = [] {
    std::vector<DocumentType> out;
    for (const auto& [t, n] : k_types) out.push_back(t);
    return out;
  }();
  return all;
}
std::string_view to_string(Classification c) {
  return name_of(k_classifications, c);
}
std::optional<Classification> parse_classification(std::string_view text) {
  return parse_from(k_classifications, text);
}
std::string_view to_string(VersionState s) {
  return name_of(k_states, s);
}
std::optional<VersionState> parse_version_state(std::string_view text) {
  return parse_from(k_states, text);
}

util::Result<DocumentLink> parse_document_link(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos)
    return fail_field(
        ErrorCode::k_invalid_input,
        "link '" + std::string(text) + "' is not KIND:TARGET (node:FRAMEWORK:NODE or risk:REF)",
        "links");
  DocumentLink l{util::trim(text.substr(0, colon)), util::trim(text.substr(colon + 1))};
  if (l.kind != "node" && l.kind != "risk")
    return fail_field(ErrorCode::k_invalid_input, "link kind '" + l.kind + "' is not node or risk",
                      "links");
  if (l.target.empty())
    return fail_field(ErrorCode::k_invalid_input, "link '" + std::string(text) + "' names nothing",
                      "links");
  return l;
}

std::string to_string(const DocumentLink& link) {
  return link.kind + ":" + link.target;
}

VersionState state_of(const Document& d) {
  if (d.retired) return VersionState::k_retired;
  if (d.versions.empty()) return VersionState::k_draft;
  // A version in progress after a published one: the document reads as published (what its
  // readers have) unless nothing was ever published.
  if (const auto* p = published_version(d)) return p->state;
  return d.versions.back().state;
}

const DocumentVersion* published_version(const Document& d) {
  for (const auto& v : d.versions)
    if (v.state == VersionState::k_published) return &v;
  return nullptr;
}

const DocumentVersion* newest_version(const Document& d) {
  return d.versions.empty() ? nullptr : &d.versions.back();
}

bool overdue_for_review(const Document& d, std::string_view today) {
  return !d.retired && published_version(d) != nullptr && !d.next_review.empty() &&
         d.next_review < today;
}

std::string media_type_of(std::string_view file_name) {
  static const std::pair<std::string_view, std::string_view> k_types[] = {
      {"pdf", "application/pdf"},
      {"txt", "text/plain; charset=utf-8"},
      {"md", "text/markdown; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"doc", "application/msword"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"xls", "application/vnd.ms-excel"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"ppt", "application/vnd.ms-powerpoint"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"odt", "application/vnd.oasis.opendocument.text"},
      {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"zip", "application/zip"},
  };
  auto dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    auto ext = util::to_lower(file_name.substr(dot + 1));
    for (const auto& [e, type] : k_types)
      if (ext == e) return std::string(type);
  }
  return "application/octet-stream";
}

util::Result<void> check_file_name(std::string_view name) {
  if (auto c = check_text("file name", name, TextKind::k_name, 255); !c)
    return fail_field(ErrorCode::k_invalid_input, c.error().message, "file_name");
  if (name.find('\\') != std::string_view::npos || name == "." || name == "..")
    return fail_field(ErrorCode::k_invalid_input,
                      "file name '" + std::string(name) + "' may not hold '\\' or be . or ..",
                      "file_name");
  return {};
}

std::string document_ref(int number) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "DOC-%03d", number);
  return buf;
}

int document_ref_number(std::string_view ref) {
  if (ref.size() < 5 || util::to_lower(ref.substr(0, 4)) != "doc-") return 0;
  auto digits = ref.substr(4);
  if (digits.empty() || digits.size() > 6) return 0;
  int n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

util::Result<void> validate(const Document& d) {
  auto field = [](const util::Error& e, const char* name) {
    return fail_field(ErrorCode::k_invalid_input, e.message, name);
  };
  if (!d.ref.empty())
    if (auto c = check_text("document ref", d.ref, TextKind::k_name, 100); !c)
      return field(c.error(), "ref");
  if (auto c = check_text("document title", d.title, TextKind::k_line, 500); !c)
    return field(c.error(), "title");
  if (!d.owner.empty())
    if (auto c = check_text("document owner", d.owner, TextKind::k_line, 200); !c)
      return field(c.error(), "owner");
  if (d.review_months < 1 || d.review_months > 120)
    return fail_field(ErrorCode::k_invalid_input,
                      "a review interval of " + std::to_string(d.review_months) +
                          " months is not 1 to 120 months",
                      "review_months");
  if (auto r = check_review_date(d.next_review); !r) return r;
  if (d.retention.size() > 500)
    return fail_field(ErrorCode::k_invalid_input, "retention has more than 500 bytes", "retention");
  if (!d.retention.empty())
    if (auto c = check_text("retention", d.retention, TextKind::k_line, 500); !c)
      return field(c.error(), "retention");
  if (d.distribution.size() > 1000)
    return fail_field(ErrorCode::k_invalid_input, "a distribution of more than 1,000 persons",
                      "distribution");
  for (const auto& p : d.distribution)
    if (auto c = check_text("a person of the distribution", p, TextKind::k_line, 200); !c)
      return field(c.error(), "distribution");
  for (const auto& l : d.links) {
    if (l.kind != "node" && l.kind != "risk")
      return fail_field(ErrorCode::k_invalid_input,
                        "link kind '" + l.kind + "' is not node or risk", "links");
    if (auto c = check_text("link target", l.target, TextKind::k_line, 200); !c)
      return field(c.error(), "links");
  }
  return {};
}

const std::vector<std::pair<std::string, std::string>>& organization_setting_defaults() {
  static const std::vector<std::pair<std::string, std::string>> k{{"self-approval", "allow"}};
  return k;
}

util::Result<void> check_organization_setting(std::string_view key, std::string_view value) {
  if (key == "self-approval") {
    if (value == "allow" || value == "forbid") return {};
    return fail_field(ErrorCode::k_invalid_input,
                      "self-approval is allow or forbid, not '" + std::string(value) + "'",
                      std::string(key));
  }
  return fail_field(ErrorCode::k_invalid_input,
                    "unknown setting '" + std::string(key) + "'; the settings are: self-approval",
                    std::string(key));
}

OrganizationSettings settings_from(const std::map<std::string, std::string>& stored) {
  OrganizationSettings s;
  if (auto it = stored.find("self-approval"); it != stored.end())
    s.forbid_self_approval = it->second == "forbid";
  return s;
}

void start_first_version(Document& d, const std::string& actor, const std::string& now,
                         const std::optional<FileData>& file, const std::string& change_note) {
  DocumentVersion v;
  v.number = 1;
  v.state = VersionState::k_draft;
  v.author = actor;
  v.created_at = now;
  v.change_note = change_note;
  if (file) {
    v.file_name = file->name;
    v.media_type = media_type_of(file->name);
    v.sha256 = file->sha256;
    v.size = file->size;
  }
  d.versions = {v};
}

util::Result<void> attach_file(Document& d, int number, const FileData& file) {
  if (auto r = not_retired(d); !r) return r;
  for (auto& v : d.versions) {
    if (v.number != number) continue;
    if (v.state != VersionState::k_draft)
      return fail_field(ErrorCode::k_invalid_input,
                        vname(d, v) + " is " + std::string(to_string(v.state)) +
                            ": only a draft's file is changed" +
                            (v.state == VersionState::k_published
                                 ? "; a published version is never edited: revise the document "
                                   "to start the next version"
                                 : ""),
                        "state");
    v.file_name = file.name;
    v.media_type = media_type_of(file.name);
    v.sha256 = file.sha256;
    v.size = file.size;
    return {};
  }
  return fail(ErrorCode::k_not_found, d.ref + " has no version " + std::to_string(number));
}

util::Result<void> submit(Document& d, const std::string& actor, const std::string& now,
                          const std::string& reviewer) {
  auto v = the_version(d, VersionState::k_draft, "submit");
  if (!v) return std::unexpected(v.error());
  if ((*v)->sha256.empty())
    return fail_field(ErrorCode::k_invalid_input,
                      vname(d, **v) + " has no file: attach one before submitting it", "file");
  if (!reviewer.empty())
    if (auto c = check_text("reviewer", reviewer, TextKind::k_line, 200); !c)
      return fail_field(ErrorCode::k_invalid_input, c.error().message, "reviewer");
  (*v)->state = VersionState::k_in_review;
  (*v)->submitted_by = actor;
  (*v)->submitted_at = now;
  (*v)->reviewer = reviewer;
  return {};
}

util::Result<void> approve(Document& d, const std::string& actor, const std::string& now,
                           const OrganizationSettings& settings, bool hold,
                           const std::string& next_review) {
  auto v = the_version(d, VersionState::k_in_review, "approve");
  if (!v) return std::unexpected(v.error());
  if (settings.forbid_self_approval &&
      util::caseless_key((*v)->author) == util::caseless_key(actor))
    return fail_field(ErrorCode::k_invalid_input,
                      actor + " wrote " + vname(d, **v) +
                          " and cannot approve it: the organization's setting self-approval is "
                          "forbid (another person approves it)",
                      "approver");
  if (auto r = check_review_date(next_review); !r) return r;
  (*v)->state = VersionState::k_approved;
  (*v)->approver = actor;
  (*v)->approved_at = now;
  if ((*v)->reviewer.empty()) (*v)->reviewer = actor;
  if (hold) return {};
  return publish(d, actor, now, next_review);
}

util::Result<void> publish(Document& d, const std::string& actor, const std::string& now,
                           const std::string& next_review) {
  auto v = the_version(d, VersionState::k_approved, "publish");
  if (!v) return std::unexpected(v.error());
  if (auto r = check_review_date(next_review); !r) return r;
  auto* target = *v;
  for (auto& other : d.versions)
    if (other.state == VersionState::k_published) {
      other.state = VersionState::k_superseded;
      other.ended_at = now;
    }
  target->state = VersionState::k_published;
  target->published_by = actor;
  target->published_at = now;
  d.next_review = next_review.empty()
                      ? util::add_months(now.substr(0, 10), d.review_months).value_or("")
                      : next_review;
  return {};
}

util::Result<void> revise(Document& d, const std::string& actor, const std::string& now,
                          const std::optional<FileData>& file, const std::string& change_note) {
  if (auto r = not_retired(d); !r) return r;
  if (auto* open = in_progress(d))
    return fail_field(ErrorCode::k_invalid_input,
                      "cannot revise " + d.ref + ": version " + std::to_string(open->number) +
                          " is " + std::string(to_string(open->state)) +
                          " (change that one, or publish it first)",
                      "state");
  if (!published_version(d))
    return fail_field(ErrorCode::k_invalid_input,
                      "cannot revise " + d.ref + ": nothing is published yet", "state");
  DocumentVersion v;
  v.number = d.versions.empty() ? 1 : d.versions.back().number + 1;
  v.author = actor;
  v.created_at = now;
  v.change_note = change_note;
  if (file) {
    v.file_name = file->name;
    v.media_type = media_type_of(file->name);
    v.sha256 = file->sha256;
    v.size = file->size;
  }
  d.versions.push_back(v);
  return {};
}

util::Result<void> retire(Document& d, const std::string& now) {
  if (auto r = not_retired(d); !r) return r;
  for (auto& v : d.versions)
    if (v.state != VersionState::k_superseded) {
      v.state = VersionState::k_retired;
      v.ended_at = now;
    }
  d.retired = true;
  return {};
}

util::Result<int> acknowledgeable(const Document& d, const std::string& person) {
  const auto* p = published_version(d);
  if (d.retired || p == nullptr)
    return fail_field(ErrorCode::k_invalid_input,
                      d.ref + " has no published version to acknowledge", "state");
  auto key = util::caseless_key(person);
  bool addressed = std::any_of(d.distribution.begin(), d.distribution.end(),
                               [&](const std::string& x) { return util::caseless_key(x) == key; });
  if (!addressed)
    return fail_field(ErrorCode::k_invalid_input,
                      person + " is not in the distribution of " + d.ref +
                          ": only the persons it is addressed to acknowledge it",
                      "person");
  return p->number;
}

}  // namespace cyberframe::core
