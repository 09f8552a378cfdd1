// `cyberframe person ...`, `calendar ...` and `reminders ...`: people (an account's e-mail address
// and aliases), the calendar feed's URL and the reminder job (docs/user-guide.md, "Reminders,
// calendar and my work"). The rules are workspace/people.hpp's.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "codec/people_json.hpp"
#include "core/reminders.hpp"
#include "util/clock.hpp"
#include "util/date.hpp"
#include "util/digest.hpp"
#include "util/smtp.hpp"
#include "util/text.hpp"
#include "workspace/people.hpp"

namespace cyberframe::cli {

namespace {

using nlohmann::json;
using Ctx = WorkspaceContext;

struct Args {
  std::string name, org, today, format = "text", base_url = "http://127.0.0.1:8080";
  std::optional<std::string> email;
  std::vector<std::string> aliases;
  bool no_aliases = false;
  std::optional<std::int64_t> expect_version;
  // SMTP
  std::string smtp_host, smtp_tls, smtp_user, smtp_password_file, from, ca_file;
  int smtp_port = 0;
};

Format format_of(const Args& a) {
  return parse_format(a.format).value_or(Format::k_text);
}

void print_person(const Ctx& ctx, const Args& a, const core::Person& p) {
  Table t({"NAME", "EMAIL", "ALIASES", "CALENDAR"});
  t.add({p.name, p.email.empty() ? "-" : p.email,
         p.aliases.empty() ? "-" : util::join(p.aliases, "; "),
         p.calendar ? "since " + p.calendar_since : "-"});
  print_data(ctx.out, format_of(a), t, codec::to_json(p));
}

int cmd_show(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto ws = open_store(ctx, status);
  if (!ws) return status;
  auto p = workspace::find_person(*ws, a.name);
  if (!p) return fail_with(ctx, p.error());
  print_person(ctx, a, *p);
  return k_exit_ok;
}

int cmd_list(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto ws = open_store(ctx, status);
  if (!ws) return status;
  auto people = workspace::list_people(*ws);
  if (!people) return fail_with(ctx, people.error());
  Table t({"NAME", "EMAIL", "ALIASES", "CALENDAR"});
  json list = json::array();
  for (const auto& p : *people) {
    t.add({p.name, p.email.empty() ? "-" : p.email,
           p.aliases.empty() ? "-" : util::join(p.aliases, "; "), p.calendar ? "yes" : "-"});
    list.push_back(codec::to_json(p));
  }
  print_data(ctx.out, format_of(a), t, list);
  return k_exit_ok;
}

int cmd_set(const Ctx& ctx, const Args& a) {
  if (!a.email && a.aliases.empty() && !a.no_aliases)
    return fail_with(ctx, "nothing to set: give --email, --alias or --no-aliases");
  if (a.no_aliases && !a.aliases.empty())
    return fail_with(ctx, "--no-aliases and --alias contradict each other");
  int status = 0;
  auto ws = open_store(ctx, status);
  if (!ws) return status;
  std::optional<std::vector<std::string>> aliases;
  if (a.no_aliases) aliases = std::vector<std::string>{};
  if (!a.aliases.empty()) aliases = a.aliases;
  auto p = workspace::set_person(*ws, actor(ctx), a.name, a.email, aliases, a.expect_version);
  if (!p) return fail_with(ctx, p.error());
  print_person(ctx, a, *p);
  return k_exit_ok;
}

int cmd_calendar_url(const Ctx& ctx, const Args& a) {
  auto base = a.base_url;
  while (base.ends_with("/")) base.pop_back();
  if (!base.starts_with("http://") && !base.starts_with("https://"))
    return fail_with(
        ctx, "--base-url: '" + base.substr(0, 80) + "' is not an http:// or https:// address");
  int status = 0;
  auto ws = open_store(ctx, status);
  if (!ws) return status;
  auto secret = workspace::rotate_calendar_token(*ws, actor(ctx), a.name);
  if (!secret) return fail_with(ctx, secret.error());
  ctx.out << base << "/api/v1/calendar/" << *secret << ".ics\n";
  ctx.err << "The URL is shown once; a new one replaces it (the old one then answers 404).\n";
  return k_exit_ok;
}

// The SMTP settings: the options, else the environment (CYBERFRAME_SMTP_*).
std::optional<util::SmtpSettings> smtp_settings(const Ctx& ctx, const Args& a, int& status) {
  auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v ? v : "";
  };
  util::SmtpSettings s;
  s.host = !a.smtp_host.empty() ? a.smtp_host : env("CYBERFRAME_SMTP_HOST");
  s.from = !a.from.empty() ? a.from : env("CYBERFRAME_SMTP_FROM");
  s.user = !a.smtp_user.empty() ? a.smtp_user : env("CYBERFRAME_SMTP_USER");
  s.ca_file = !a.ca_file.empty() ? a.ca_file : env("CYBERFRAME_SMTP_CA_FILE");
  auto tls = !a.smtp_tls.empty() ? a.smtp_tls : env("CYBERFRAME_SMTP_TLS");
  if (tls.empty() || tls == "starttls") {
    s.tls = util::SmtpTls::k_starttls;
  } else if (tls == "tls") {
    s.tls = util::SmtpTls::k_implicit;
  } else if (tls == "none") {
    s.tls = util::SmtpTls::k_none;
  } else {
    status = fail_with(ctx, "--smtp-tls: '" + tls.substr(0, 40) + "' is not starttls, tls or none");
    return std::nullopt;
  }
  auto port_text = env("CYBERFRAME_SMTP_PORT");
  s.port = a.smtp_port ? a.smtp_port
                       : (!port_text.empty() ? std::atoi(port_text.c_str())
                                             : (s.tls == util::SmtpTls::k_implicit ? 465 : 587));
  if (s.port <= 0 || s.port > 65535) {
    status = fail_with(ctx, "--smtp-port: " + std::to_string(s.port) + " is not a port");
    return std::nullopt;
  }
  auto file =
      !a.smtp_password_file.empty() ? a.smtp_password_file : env("CYBERFRAME_SMTP_PASSWORD_FILE");
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) {
      status = fail_with(
          ctx, util::Error{util::ErrorCode::k_io, "cannot read the SMTP password file " + file});
      return std::nullopt;
    }
    std::getline(in, s.password);
    if (s.password.ends_with('\r')) s.password.pop_back();
  } else {
    s.password = env("CYBERFRAME_SMTP_PASSWORD");
  }
  if (s.host.empty()) {
    status = fail_with(ctx, "no SMTP server: give --smtp-host or set CYBERFRAME_SMTP_HOST");
    return std::nullopt;
  }
  if (auto e = core::check_email(s.from); !e || s.from.empty()) {
    status = fail_with(ctx, "no sender address: give --from or set CYBERFRAME_SMTP_FROM (" +
                                (e ? std::string("empty") : e.error().message) + ")");
    return std::nullopt;
  }
  return s;
}

int cmd_send(const Ctx& ctx, const Args& a) {
  auto today = a.today.empty() ? util::today_utc() : a.today;
  if (!util::day_number(today))
    return fail_with(ctx, "--today: '" + today.substr(0, 40) + "' is not a date (YYYY-MM-DD)");
  int status = 0;
  auto smtp = smtp_settings(ctx, a, status);
  if (!smtp) return status;
  auto ws = open_store(ctx, status);
  if (!ws) return status;
  std::int64_t org = 0;
  if (!a.org.empty()) {
    auto o = ws->organization(a.org);
    if (!o) return fail_with(ctx, o.error());
    org = o->id;
  }
  std::size_t counter = 0;
  auto send = [&](const core::Mail& mail) -> util::Result<void> {
    auto now = util::now_utc();
    auto id =
        util::sha256_hex(now + mail.to + mail.subject + std::to_string(++counter)).substr(0, 32) +
        "@cyberframe";
    return util::smtp_send(*smtp, mail.to,
                           core::mime_message(smtp->from, mail, core::rfc5322_date(now), id));
  };
  auto run = workspace::send_reminders(*ws, send, org, today);
  if (!run) return fail_with(ctx, run.error());
  json out{{"today", today},
           {"digests", run->digests},
           {"notices", run->notices},
           {"already_sent", run->already_sent},
           {"baseline", run->baseline},
           {"failed", run->failed},
           {"problems", run->problems}};
  if (format_of(a) == Format::k_text) {
    ctx.out << "Reminders of " << today << ": " << run->digests << " digest(s), " << run->notices
            << " notice(s) sent; " << run->already_sent << " sent before; " << run->baseline
            << " assignment(s) recorded without a notice; " << run->failed << " failed\n";
    for (const auto& p : run->problems) ctx.err << "  " << p << "\n";
  } else {
    print_structured(ctx.out, format_of(a), out);
  }
  return run->failed ? k_exit_environment : k_exit_ok;
}

}  // namespace

void add_people_commands(CLI::App& app, const CatalogOptions& catalog_options,
                         const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                         int& status) {
  auto ctx = std::make_shared<Ctx>(Ctx{catalog_options, options, out, err});
  auto add = [ctx, &status](CLI::App* group, const char* name, const char* help, auto&& with,
                            auto run) {
    auto a = std::make_shared<Args>();
    auto* c = group->add_subcommand(name, help);
    with(c, *a);
    c->callback([=, &status] { status = run(*ctx, *a); });
  };
  auto format = [](CLI::App* c, Args& a) {
    c->add_option("--format", a.format, "text, json, yaml or csv")
        ->check(CLI::IsMember({"text", "json", "yaml", "csv"}));
  };
  auto* person = app.add_subcommand(
      "person", "People: an account's e-mail address and the names it is known by in owner fields");
  person->require_subcommand(1);
  add(
      person, "show", "An account's e-mail address, aliases and calendar feed",
      [&](CLI::App* c, Args& a) {
        c->add_option("name", a.name, "The account's name")->required();
        format(c, a);
      },
      cmd_show);
  add(
      person, "list", "Every account with its e-mail address and aliases",
      [&](CLI::App* c, Args& a) { format(c, a); }, cmd_list);
  add(
      person, "set", "Set an account's e-mail address and aliases",
      [&](CLI::App* c, Args& a) {
        c->add_option("name", a.name, "The account's name")->required();
        c->add_option("--email", a.email, "The e-mail address (\"\" removes it)");
        c->add_option("--alias", a.aliases,
                      "A name it is known by in owner fields (\"CISO\"); repeat for several; "
                      "replaces the aliases");
        c->add_flag("--no-aliases", a.no_aliases, "Remove every alias");
        c->add_option("--expect-version", a.expect_version,
                      "Refuse unless the person is still at this version");
        format(c, a);
      },
      cmd_set);

  auto* calendar = app.add_subcommand("calendar", "A person's iCalendar feed of what is due");
  calendar->require_subcommand(1);
  add(
      calendar, "url",
      "Make a new secret URL of a person's calendar feed (replaces the one before) and print it",
      [&](CLI::App* c, Args& a) {
        c->add_option("name", a.name, "The account's name")->required();
        c->add_option("--base-url", a.base_url,
                      "The server's address as calendar clients reach it (default "
                      "http://127.0.0.1:8080)");
      },
      cmd_calendar_url);

  auto* reminders =
      app.add_subcommand("reminders", "E-mail reminders: the daily digest and assignment notices");
  reminders->require_subcommand(1);
  add(
      reminders, "send",
      "Send today's digests and the notices of new assignments, each once (run it daily)",
      [&](CLI::App* c, Args& a) {
        c->add_option("--org", a.org, "Only this organization (default: every one)");
        c->add_option("--today", a.today, "The day of the digests (YYYY-MM-DD; default today)");
        c->add_option("--smtp-host", a.smtp_host, "SMTP server (or CYBERFRAME_SMTP_HOST)");
        c->add_option("--smtp-port", a.smtp_port,
                      "Its port (or CYBERFRAME_SMTP_PORT; default 587, 465 with --smtp-tls tls)");
        c->add_option("--smtp-tls", a.smtp_tls,
                      "starttls (default), tls (implicit TLS) or none (or CYBERFRAME_SMTP_TLS)");
        c->add_option("--smtp-user", a.smtp_user, "User to sign in as (or CYBERFRAME_SMTP_USER)");
        c->add_option("--smtp-password-file", a.smtp_password_file,
                      "File holding the password (or CYBERFRAME_SMTP_PASSWORD_FILE, or the "
                      "password in CYBERFRAME_SMTP_PASSWORD)");
        c->add_option("--smtp-ca-file", a.ca_file,
                      "CA certificates to trust instead of the system's (or "
                      "CYBERFRAME_SMTP_CA_FILE)");
        c->add_option("--from", a.from, "The sender's address (or CYBERFRAME_SMTP_FROM)");
        c->add_option("--format", a.format, "text or json")
            ->check(CLI::IsMember({"text", "json", "yaml"}));
      },
      cmd_send);
}

}  // namespace cyberframe::cli
