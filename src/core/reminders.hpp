#pragma once
// What a person is told of their work: the daily digest and the notice of an assignment by
// e-mail (as RFC 5322 messages), and the iCalendar feed (RFC 5545). Plain values, no I/O.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/isms_due.hpp"
#include "core/people.hpp"

namespace cyberframe::core {

// A due item of one organization, as a person's work lists it.
struct WorkItem {
  std::int64_t organization = 0;
  std::string organization_name;
  DueItem item;
};

// The most overdue first, then by date due, organization, register and ref.
void sort_work(std::vector<WorkItem>& items);

// An e-mail: to whom, its subject and its plain text.
struct Mail {
  std::string to;
  std::string subject;
  std::string body;
};

// The daily digest of `person` (items non-empty) on `today`.
Mail digest_mail(const Person& person, const std::vector<WorkItem>& items, std::string_view today);
// The notice that a record (`register_key`/`ref`, its title) of an organization now names the
// person in its owner field.
Mail assignment_mail(const Person& person, const std::string& organization,
                     const std::string& register_key, const std::string& ref,
                     const std::string& title, const std::string& status);

// The message as sent: headers From, To, Subject (RFC 2047 encoded when not ASCII), Date
// (`date`, RFC 5322 form), Message-ID, MIME-Version and a text/plain UTF-8 body in
// quoted-printable, lines ending in CRLF.
std::string mime_message(const std::string& from, const Mail& mail, const std::string& date,
                         const std::string& message_id);
// "Mon, 07 Dec 2026 18:00:00 +0000" for a timestamp "2026-12-07T18:00:00Z".
std::string rfc5322_date(std::string_view timestamp);

// The iCalendar text of a person's feed: one all-day VEVENT per dated item (on its due date),
// with a UID stable across calls (organization, kind, register and ref), DTSTAMP `now`
// ("YYYY-MM-DDTHH:MM:SSZ"); text escaped and lines folded at 75 octets as RFC 5545 says.
std::string calendar_text(const Person& person, const std::vector<WorkItem>& items,
                          std::string_view now);
// RFC 5545 3.3.11: backslash, ';', ',' and new lines escaped.
std::string ical_escape(std::string_view text);
// RFC 5545 3.1: a content line folded into lines of at most 75 octets (continuations start with
// a blank; a UTF-8 sequence is never split), each ending in CRLF.
std::string ical_fold(std::string_view line);

}  // namespace cyberframe::core
