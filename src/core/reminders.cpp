#include "core/reminders.hpp"

#include <algorithm>
#include <tuple>

#include "util/date.hpp"

namespace cyberframe::core {

void sort_work(std::vector<WorkItem>& items) {
  std::stable_sort(items.begin(), items.end(), [](const WorkItem& a, const WorkItem& b) {
    auto key = [](const WorkItem& w) {
      return std::make_tuple(-w.item.days_overdue, w.item.due.empty(), w.item.due,
                             w.organization_name, w.item.register_key, w.item.ref);
    };
    return key(a) < key(b);
  });
}

namespace {

std::string line_of(const WorkItem& w) {
  const auto& i = w.item;
  std::string out = "- [" + w.organization_name + "] " + i.ref;
  if (!i.title.empty()) out += " " + i.title;
  out += " (" + i.kind + ")";
  if (!i.due.empty()) out += ", due " + i.due;
  out += "\n  " + i.reason + "\n";
  return out;
}

bool ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x80; });
}

std::string base64(std::string_view in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v =
        (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
    out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], k[v & 63]};
  }
  if (i + 1 == in.size()) {
    unsigned v = (unsigned char)in[i] << 16;
    out += {k[v >> 18], k[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == in.size()) {
    unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
    out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], '='};
  }
  return out;
}

// A header's value: as it is when ASCII without line breaks, else RFC 2047 base64 words.
std::string header_value(std::string_view v) {
  std::string clean;
  for (char c : v) clean += (c == '\r' || c == '\n') ? ' ' : c;
  if (ascii(clean)) return clean;
  return "=?UTF-8?B?" + base64(clean) + "?=";
}

std::string quoted_printable(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  std::size_t column = 0;
  auto put = [&](const std::string& piece) {
    if (column + piece.size() > 75) {
      out += "=\r\n";
      column = 0;
    }
    out += piece;
    column += piece.size();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (c == '\n') {
      out += "\r\n";
      column = 0;
    } else if (c == '\r') {
      continue;
    } else if ((c == ' ' || c == '\t') && (i + 1 == text.size() || text[i + 1] == '\n')) {
      put(std::string("=") + hex[c >> 4] + hex[c & 15]);
    } else if (c == '=' || c >= 0x7f || (c < ' ' && c != '\t') || (c == '.' && column == 0)) {
      put(std::string("=") + hex[c >> 4] + hex[c & 15]);
    } else {
      put(std::string(1, static_cast<char>(c)));
    }
  }
  return out;
}

std::string compact_date(std::string_view date) {
  std::string out;
  for (char c : date)
    if (c != '-') out += c;
  return out;
}

std::string compact_stamp(std::string_view ts) {
  std::string out;
  for (char c : ts)
    if (c != '-' && c != ':') out += c;
  return out;
}

std::string uid_part(std::string_view s) {
  std::string out;
  for (char c : s)
    out += ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_')
               ? c
               : '_';
  return out;
}

}  // namespace

Mail digest_mail(const Person& person, const std::vector<WorkItem>& items, std::string_view today) {
  Mail m;
  m.to = person.email;
  std::size_t late = 0;
  for (const auto& w : items)
    if (w.item.days_overdue > 0) ++late;
  m.subject = "cyberframe: " + std::to_string(items.size()) +
              (items.size() == 1 ? " item" : " items") + " due for " + person.name + " on " +
              std::string(today) + (late ? " (" + std::to_string(late) + " overdue)" : "");
  m.body =
      "Good morning " + person.name + ",\n\nWhat is due for you on " + std::string(today) + ":\n\n";
  for (const auto& w : items) m.body += line_of(w);
  m.body +=
      "\nThis is the daily digest of cyberframe; you get one a day while something is due for "
      "you.\n";
  return m;
}

Mail assignment_mail(const Person& person, const std::string& organization,
                     const std::string& register_key, const std::string& ref,
                     const std::string& title, const std::string& status) {
  Mail m;
  m.to = person.email;
  m.subject = "cyberframe: " + ref + " " + title + " is now yours";
  m.body = "Hello " + person.name + ",\n\n" + ref + " " + title + " (" + register_key + ", " +
           organization + ", " + status +
           ") now names you as its owner.\n\nSee it with: cyberframe isms show " + register_key +
           " " + ref + " --org \"" + organization + "\"\n";
  return m;
}

std::string rfc5322_date(std::string_view ts) {
  static const char* days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto day = util::day_number(ts.substr(0, 10));
  if (!day || ts.size() < 19) return std::string(ts);
  auto dow = days[((*day % 7) + 7) % 7];
  int month = std::stoi(std::string(ts.substr(5, 2)));
  return std::string(dow) + ", " + std::string(ts.substr(8, 2)) + " " + months[month - 1] + " " +
         std::string(ts.substr(0, 4)) + " " + std::string(ts.substr(11, 8)) + " +0000";
}

std::string mime_message(const std::string& from, const Mail& mail, const std::string& date,
                         const std::string& message_id) {
  std::string out;
  out += "From: " + header_value(from) + "\r\n";
  out += "To: " + header_value(mail.to) + "\r\n";
  out += "Subject: " + header_value(mail.subject) + "\r\n";
  out += "Date: " + header_value(date) + "\r\n";
  out += "Message-ID: <" + header_value(message_id) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: quoted-printable\r\n";
  out += "Auto-Submitted: auto-generated\r\n\r\n";
  out += quoted_printable(mail.body);
  if (!out.ends_with("\r\n")) out += "\r\n";
  return out;
}

std::string ical_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ical_fold(std::string_view line) {
  std::string out;
  std::size_t limit = 75, used = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t len = 1;
    unsigned char c = line[i];
    if (c >= 0xf0)
      len = 4;
    else if (c >= 0xe0)
      len = 3;
    else if (c >= 0xc0)
      len = 2;
    len = std::min(len, line.size() - i);
    if (used + len > limit) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line.substr(i, len));
    used += len;
    i += len;
  }
  return out + "\r\n";
}

std::string calendar_text(const Person& person, const std::vector<WorkItem>& items,
                          std::string_view now) {
  std::string out;
  auto add = [&](const std::string& line) { out += ical_fold(line); };
  add("BEGIN:VCALENDAR");
  add("VERSION:2.0");
  add("PRODID:-//cyberframe//What is due//EN");
  add("CALSCALE:GREGORIAN");
  add("METHOD:PUBLISH");
  add("X-WR-CALNAME:" + ical_escape("cyberframe: " + person.name));
  auto stamp = compact_stamp(now);
  for (const auto& w : items) {
    const auto& i = w.item;
    auto start = util::day_number(i.due);
    if (!start) continue;
    add("BEGIN:VEVENT");
    add("UID:" + std::to_string(w.organization) + "-" + uid_part(i.kind) + "-" +
        uid_part(i.register_key) + "-" + uid_part(i.ref) + "@cyberframe");
    add("DTSTAMP:" + stamp);
    add("DTSTART;VALUE=DATE:" + compact_date(i.due));
    add("DTEND;VALUE=DATE:" + compact_date(util::date_of_day(*start + 1)));
    add("SUMMARY:" + ical_escape(i.ref + " " + i.title + " (" + i.kind + ")"));
    add("DESCRIPTION:" + ical_escape(w.organization_name + ": " + i.reason));
    add("CATEGORIES:" + ical_escape(i.kind));
    add("TRANSP:TRANSPARENT");
    add("END:VEVENT");
  }
  add("END:VCALENDAR");
  return out;
}

}  // namespace cyberframe::core
