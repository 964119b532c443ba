// Appointments against a real database (SQLite and PostgreSQL): booked with the call through the queue, refused
// with nothing written when the rep is taken, invitations queued with their calendar, lists and filters, slot
// suggestions that leave the booked time out, the rep's profile and its feed secret.
#include "appointments/appointment_store.hpp"

#include <algorithm>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "appointments/appointment_changes.hpp"
#include "appointments/appointment_link_service.hpp"
#include "appointments/appointment_links.hpp"
#include "appointments/appointment_reminders.hpp"
#include "appointments/appointment_service.hpp"
#include "appointments/booking.hpp"
#include "appointments/rep_calendar_sync.hpp"
#include "calling/callback_store.hpp"
#include "calling/dispatch_service.hpp"
#include "campaigns/campaign_store.hpp"
#include "campaigns/rep_store.hpp"
#include "contacts/contact_store.hpp"
#include "identity/tenant_store.hpp"
#include "identity/user_store.hpp"
#include "platform/db/query.hpp"
#include "platform/http/events.hpp"
#include "platform/signing_key_store.hpp"
#include "platform/time_text.hpp"
#include "store_fixture.hpp"

namespace termintreu::appointments {
namespace {

using identity::Principal;
using identity::Role;
using platform::TimePoint;
using std::chrono::hours;
using std::chrono::minutes;

constexpr const char* kInsertCampaign =
    "INSERT INTO campaigns (agency_id, client_id, name, state, caller_id, created_at) VALUES (:agency_id, "
    ":client_id, :name, 'active', '+493012345678', :now) RETURNING id";
constexpr const char* kAddMember =
    "INSERT INTO campaign_members (campaign_id, user_id, member_role) VALUES (:campaign_id, :user_id, 'agent')";
constexpr const char* kCountAttempts = "SELECT COUNT(*) FROM call_attempts WHERE campaign_id = :campaign_id";
constexpr const char* kReminderMails =
    "SELECT COUNT(*) FROM outbox WHERE appointment_id = :id AND kind = 'appointment_reminder'";
constexpr const char* kCalendarMails =
    "SELECT to_address, calendar_method, calendar_text FROM outbox WHERE appointment_id = :id ORDER BY to_address";

struct MailRow {
  std::string to, method, text;
  void bind(soci::statement& st) {
    st.exchange(soci::into(to));
    st.exchange(soci::into(method));
    st.exchange(soci::into(text));
  }
  MailRow to_model() const { return *this; }
};

class AppointmentStoreTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    // Monday 5 January 2026, 10:00 in Berlin.
    clock().set(TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 1 / 5)) + hours(9));
    const auto now = platform::to_micros(clock().now());
    db().transaction("fixture", [&](soci::session& sql) {
      agency_ = identity::tenant_store::insert_agency(sql, "Agentur A", now);
      other_agency_ = identity::tenant_store::insert_agency(sql, "Agentur B", now);
      client_ = identity::tenant_store::insert_client(sql, {agency_, "Kessler Industrietechnik", "", "", "DE"}, now);
      long long id = 0;
      const long long a = agency_, c = client_;
      const std::string name = "Wartung NRW";
      sql << kInsertCampaign, soci::use(a), soci::use(c), soci::use(name), soci::use(now), soci::into(id);
      campaign_ = id;
      campaigns::Rep rep;
      rep.agency_id = agency_;
      rep.client_id = client_;
      rep.name = "Stefan Ruhnau";
      rep.email = "s.ruhnau@kessler.example";
      rep.territories = "32,33";
      rep.postal_code = "33602";
      rep.city = "Bielefeld";
      rep_ = campaigns::rep_store::insert(sql, rep, now);
      campaigns::campaign_store::replace_reps(sql, campaign_, {rep_});
    });
    booking_ = std::make_unique<Booking>(places_, site_);
    dispatch_ = std::make_unique<calling::DispatchService>(db(), clock(), events_, booking_.get());
    service_ = std::make_unique<AppointmentService>(db(), clock(), places_, site_);
  }

  Principal agent(const std::string& name) {
    Principal p;
    p.agency_id = agency_;
    p.role = Role::agent;
    p.name = name;
    db().transaction("agent", [&](soci::session& sql) {
      identity::user_store::NewUser user;
      user.agency_id = agency_;
      user.email = name + "@agentur.example";
      user.name = name;
      user.password_hash = "not used";
      p.user_id = identity::user_store::insert(sql, user, platform::to_micros(clock().now()));
      const long long c = campaign_, u = *p.user_id;
      sql << kAddMember, soci::use(c), soci::use(u);
    });
    return p;
  }

  // A person at a company in Bielefeld with one number, e-mail and a lead in the campaign.
  std::int64_t lead(const std::string& last_name) {
    std::int64_t id = 0;
    db().transaction("lead", [&](soci::session& sql) {
      const auto now = platform::to_micros(clock().now());
      contacts::Company company;
      company.agency_id = agency_;
      company.client_id = client_;
      company.name = last_name + " GmbH";
      company.street = "Industriestraße 14";
      company.postal_code = "33602";
      company.city = "Bielefeld";
      company.country = "DE";
      const auto company_id = contacts::contact_store::insert_company(sql, company, now);
      contacts::Person person;
      person.agency_id = agency_;
      person.client_id = client_;
      person.company_id = company_id;
      person.first_name = "Eva";
      person.last_name = last_name;
      person.email = "eva." + last_name + "@kunde.example";
      person.time_zone = "Europe/Berlin";
      const auto person_id = contacts::contact_store::insert_person(sql, person, now);
      contacts::Phone phone;
      phone.e164 = "+4952155500" + std::to_string(person_id % 100);
      phone.region = "DE";
      contacts::contact_store::replace_phones(sql, agency_, person_id, {phone});
      id = contacts::contact_store::insert_lead(sql, agency_, campaign_, person_id, "new", now);
      phones_[id] = phone.e164;
    });
    return id;
  }

  std::string phone_of(std::int64_t lead_id) { return phones_.at(lead_id); }

  long long reminders_of(std::int64_t appointment_id) {
    auto lease = db().session();
    const long long id = appointment_id;
    return platform::db::fetch_value<long long>(*lease, kReminderMails, id).value_or(0);
  }

  Appointment stored(std::int64_t appointment_id) {
    auto lease = db().session();
    return *appointment_store::find(*lease, agency_, appointment_id);
  }

  // The token of the link for `action` on the appointment as it is now (as the mails sent now carry it).
  std::string token(std::int64_t appointment_id, LinkAction action) {
    auto lease = db().session();
    const auto key = platform::signing_key_store::key(*lease, kLinkKey, platform::to_micros(clock().now()));
    return link_token(key, stored(appointment_id), action);
  }

  long long attempts() {
    auto lease = db().session();
    const long long campaign = campaign_;
    return platform::db::fetch_value<long long>(*lease, kCountAttempts, campaign).value_or(0);
  }

  calling::OutcomeInput appointment_at(std::int64_t lead_id, TimePoint starts) {
    calling::OutcomeInput input;
    input.outcome = "appointment";
    input.phone = phone_of(lead_id);
    calling::AppointmentRequest request;
    request.rep_id = rep_;
    request.starts_at = starts;
    request.agenda = "Wartung; Budget, Termine\nzweite Zeile";
    input.appointment = request;
    return input;
  }

  const MailSite site_{"agentur.example", "https://termine.agentur.example"};
  PlaceIndex places_{packaged_place_data()};
  platform::http::EventHub events_;
  std::unique_ptr<Booking> booking_;
  std::unique_ptr<calling::DispatchService> dispatch_;
  std::unique_ptr<AppointmentService> service_;
  std::int64_t agency_ = 0, other_agency_ = 0, client_ = 0, campaign_ = 0, rep_ = 0;
  std::map<std::int64_t, std::string> phones_;
};

TEST_F(AppointmentStoreTest, ACallBooksTheRepAndQueuesInvitationsInOneTransaction) {
  const auto tobias = agent("tobias");
  const auto first = lead("Hartmann");
  ASSERT_EQ(dispatch_->next(tobias)->lead_id, first);
  const TimePoint tuesday_ten = clock().now() + hours(24);  // Tuesday 10:00 in Berlin
  const auto recorded = dispatch_->record_outcome(tobias, first, appointment_at(first, tuesday_ten));
  ASSERT_TRUE(recorded) << recorded.error().message << " " << recorded.error().field;
  ASSERT_TRUE(recorded->appointment_id);
  EXPECT_EQ(recorded->lead_state, "appointment");

  auto lease = db().session();
  const auto stored = appointment_store::find(*lease, agency_, *recorded->appointment_id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->rep_id, rep_);
  EXPECT_EQ(stored->attempt_id, recorded->attempt_id);
  EXPECT_EQ(stored->starts_at, tuesday_ten);
  EXPECT_EQ(stored->ends_at, tuesday_ten + hours(1));  // the rep's usual length
  EXPECT_EQ(stored->state, "booked");
  EXPECT_EQ(stored->location, "Industriestraße 14, 33602 Bielefeld");
  ASSERT_TRUE(stored->place);
  EXPECT_NEAR(stored->place->latitude, 52.02, 0.1);
  EXPECT_EQ(stored->time_zone, "Europe/Berlin");
  EXPECT_FALSE(appointment_store::find(*lease, other_agency_, stored->id)) << "another agency's id";

  // One invitation to the person and one to the rep, each carrying the calendar.
  const long long id = stored->id;
  const auto mails = platform::db::fetch_rows<MailRow>(*lease, kCalendarMails, id);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[0].to, "eva.Hartmann@kunde.example");
  EXPECT_EQ(mails[1].to, "s.ruhnau@kessler.example");
  for (const auto& mail : mails) {
    EXPECT_EQ(mail.method, "REQUEST");
    EXPECT_NE(mail.text.find("METHOD:REQUEST"), std::string::npos);
    EXPECT_NE(mail.text.find("UID:appointment-" + std::to_string(id) + "@agentur.example"), std::string::npos);
    EXPECT_NE(mail.text.find("DTSTART;TZID=Europe/Berlin:20260106T100000"), std::string::npos);
  }
}

TEST_F(AppointmentStoreTest, ARepWhoIsTakenIsRefusedAndTheCallIsNotRecorded) {
  const auto tobias = agent("tobias");
  const auto aylin = agent("aylin");
  const auto first = lead("Hartmann");
  const auto second = lead("Lindner");
  ASSERT_TRUE(dispatch_->next(tobias)->lead_id);
  ASSERT_TRUE(dispatch_->next(aylin)->lead_id);
  const TimePoint tuesday_ten = clock().now() + hours(24);
  ASSERT_TRUE(dispatch_->record_outcome(tobias, first, appointment_at(first, tuesday_ten)));
  const auto before = attempts();

  // Half an hour later overlaps the hour booked: refused at the field, nothing written.
  const auto refused = dispatch_->record_outcome(aylin, second, appointment_at(second, tuesday_ten + minutes(30)));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, platform::ErrorCode::conflict);
  EXPECT_EQ(refused.error().field, "appointment.starts_at");
  EXPECT_EQ(attempts(), before);
  {
    auto lease = db().session();
    appointment_store::ListFilter filter;
    filter.lead_id = second;
    EXPECT_EQ(appointment_store::count(*lease, agency_, filter), 0);
  }
  // Right after the first one ends the rep is free (same place, no drive needed between them for the check).
  const auto booked = dispatch_->record_outcome(aylin, second, appointment_at(second, tuesday_ten + hours(1)));
  ASSERT_TRUE(booked) << booked.error().message;
  EXPECT_EQ(attempts(), before + 1);
}

TEST_F(AppointmentStoreTest, AnOutcomeRefusesARepOfAnotherCampaignAndAPastTime) {
  const auto tobias = agent("tobias");
  const auto first = lead("Hartmann");
  ASSERT_TRUE(dispatch_->next(tobias)->lead_id);
  auto input = appointment_at(first, clock().now() + hours(24));
  std::int64_t stranger = 0;
  db().transaction("rep", [&](soci::session& sql) {
    campaigns::Rep rep;
    rep.agency_id = agency_;
    rep.client_id = client_;
    rep.name = "Nicht zugeordnet";
    stranger = campaigns::rep_store::insert(sql, rep, platform::to_micros(clock().now()));
  });
  input.appointment->rep_id = stranger;
  const auto refused = dispatch_->record_outcome(tobias, first, input);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "appointment.rep_id");
  input = appointment_at(first, clock().now() - hours(1));
  EXPECT_EQ(dispatch_->record_outcome(tobias, first, input).error().field, "appointment.starts_at");
  EXPECT_EQ(attempts(), 0);
}

TEST_F(AppointmentStoreTest, ListsFilterAndSlotSuggestionsLeaveBookedTimesOut) {
  const auto tobias = agent("tobias");
  const auto first = lead("Hartmann");
  const auto second = lead("Lindner");
  ASSERT_TRUE(dispatch_->next(tobias)->lead_id);
  // The best slot for the first lead, then booked.
  const auto before = service_->slots(tobias, first, {});
  ASSERT_TRUE(before) << before.error().message;
  ASSERT_FALSE((*before)["slots"].empty());
  const auto best = (*before)["slots"][0];
  EXPECT_TRUE((*before)["place_known"].get<bool>());
  EXPECT_EQ((*before)["reps"][0]["id"].get<std::int64_t>(), rep_);
  const auto starts = platform::parse_iso8601(best["starts_at"].get<std::string>());
  ASSERT_TRUE(starts);
  EXPECT_GE(*starts, clock().now() + AppointmentService::kNotice);
  ASSERT_TRUE(dispatch_->record_outcome(tobias, first, appointment_at(first, *starts)));

  // The next lead's suggestions do not offer that hour again.
  ASSERT_EQ(dispatch_->next(tobias)->lead_id, second);
  const auto after = service_->slots(tobias, second, {});
  ASSERT_TRUE(after);
  for (const auto& slot : (*after)["slots"]) {
    const auto at = *platform::parse_iso8601(slot["starts_at"].get<std::string>());
    EXPECT_FALSE(at < *starts + hours(1) && at + hours(1) > *starts) << slot.dump();
  }
  // A lead the viewer does not hold is not planned for.
  const auto aylin = agent("aylin");
  EXPECT_EQ(service_->slots(aylin, second, {}).error().code, platform::ErrorCode::not_found);

  auto lease = db().session();
  appointment_store::ListFilter filter;
  filter.campaign_id = campaign_;
  auto listed = appointment_store::list(*lease, agency_, filter);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].rep_name, "Stefan Ruhnau");
  EXPECT_EQ(listed[0].company_name, "Hartmann GmbH");
  EXPECT_EQ(listed[0].person_name, "Eva Hartmann");
  EXPECT_EQ(listed[0].client_name, "Kessler Industrietechnik");
  filter.state = "cancelled";
  EXPECT_TRUE(appointment_store::list(*lease, agency_, filter).empty());
  filter.state.reset();
  filter.from = platform::to_micros(*starts + minutes(1));
  EXPECT_EQ(appointment_store::count(*lease, agency_, filter), 0);
  filter.from.reset();
  filter.to = platform::to_micros(*starts + minutes(1));
  EXPECT_EQ(appointment_store::count(*lease, agency_, filter), 1);
  EXPECT_TRUE(appointment_store::list(*lease, other_agency_, {}).empty());
  EXPECT_EQ(appointment_store::busy_of_rep(*lease, rep_, platform::to_micros(*starts),
                                           platform::to_micros(*starts + hours(1)))
                .size(),
            1u);
}

TEST_F(AppointmentStoreTest, TheRepProfileKeepsItsWorkingHoursAndTheFeedNeedsItsSecret) {
  db().transaction("profile", [&](soci::session& sql) {
    auto rep = *campaigns::rep_store::find(sql, agency_, rep_);
    EXPECT_EQ(rep.working_hours, campaigns::Rep::default_working_hours());
    rep.working_hours = {};
    rep.working_hours[0] = {{7 * 60, 12 * 60}, {13 * 60, 16 * 60}};
    rep.time_zone = "Europe/Vienna";
    rep.appointment_minutes = 90;
    campaigns::rep_store::update(sql, rep);
  });
  {
    auto lease = db().session();
    const auto rep = *campaigns::rep_store::find(*lease, agency_, rep_);
    EXPECT_EQ(rep.working_hours[0], (std::vector<campaigns::TimeWindow>{{420, 720}, {780, 960}}));
    EXPECT_TRUE(rep.working_hours[1].empty());
    EXPECT_EQ(rep.time_zone, "Europe/Vienna");
    EXPECT_EQ(rep.appointment_minutes, 90);
    EXPECT_FALSE(rep.has_feed);
  }
  Principal manager;
  manager.agency_id = agency_;
  manager.role = Role::project_manager;
  EXPECT_EQ(service_->feed(rep_, "").error().code, platform::ErrorCode::not_found);
  const auto token = service_->issue_feed_token(manager, rep_);
  ASSERT_TRUE(token);
  const auto feed = service_->feed(rep_, *token);
  ASSERT_TRUE(feed) << feed.error().message;
  EXPECT_NE(feed->find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_EQ(service_->feed(rep_, *token + "x").error().code, platform::ErrorCode::not_found);
  EXPECT_EQ(service_->feed(rep_ + 1, *token).error().code, platform::ErrorCode::not_found);
  Principal stranger = manager;
  stranger.agency_id = other_agency_;
  EXPECT_FALSE(service_->issue_feed_token(stranger, rep_));
  ASSERT_TRUE(service_->feed(rep_, *token)) << "a refused stranger leaves the secret alone";
}

TEST_F(AppointmentStoreTest, MovingAndCancellingSendTheUpdateAndTheCancellation) {
  const auto tobias = agent("tobias");
  const auto first = lead("Hartmann");
  const auto second = lead("Lindner");
  ASSERT_TRUE(dispatch_->next(tobias)->lead_id);
  const TimePoint tuesday_ten = clock().now() + hours(24);
  const auto booked = dispatch_->record_outcome(tobias, first, appointment_at(first, tuesday_ten));
  ASSERT_TRUE(booked);
  const auto id = *booked->appointment_id;
  ASSERT_EQ(dispatch_->next(tobias)->lead_id, second);
  ASSERT_TRUE(dispatch_->record_outcome(tobias, second, appointment_at(second, tuesday_ten + hours(3))));

  Principal supervisor;
  supervisor.agency_id = agency_;
  supervisor.role = Role::supervisor;
  supervisor.user_id = tobias.user_id;
  AppointmentChanges changes(db(), clock(), site_);
  // Onto the other appointment: refused. Two hours later: moved, sequence 1, the update to both attendees.
  const auto clash = changes.reschedule(supervisor, {}, id, {tuesday_ten + hours(3), std::nullopt, std::nullopt});
  ASSERT_FALSE(clash);
  EXPECT_EQ(clash.error().field, "starts_at");
  const auto moved = changes.reschedule(supervisor, {}, id, {tuesday_ten + hours(1), std::nullopt, std::nullopt});
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ((*moved)["sequence"], 1);
  {
    auto lease = db().session();
    const long long wanted = id;
    const auto mails = platform::db::fetch_rows<MailRow>(*lease, kCalendarMails, wanted);
    ASSERT_EQ(mails.size(), 4u);
    const auto updates = std::count_if(mails.begin(), mails.end(), [](const MailRow& m) {
      return m.text.find("SEQUENCE:1") != std::string::npos &&
             m.text.find("DTSTART;TZID=Europe/Berlin:20260106T110000") != std::string::npos;
    });
    EXPECT_EQ(updates, 2);
  }
  const auto cancelled = changes.cancel(supervisor, {}, id, "Kunde hat abgesagt");
  ASSERT_TRUE(cancelled);
  EXPECT_EQ((*cancelled)["state"], "cancelled");
  {
    auto lease = db().session();
    const long long wanted = id;
    const auto mails = platform::db::fetch_rows<MailRow>(*lease, kCalendarMails, wanted);
    EXPECT_EQ(std::count_if(mails.begin(), mails.end(),
                            [](const MailRow& m) {
                              return m.method == "CANCEL" && m.text.find("SEQUENCE:2") != std::string::npos &&
                                     m.text.find("STATUS:CANCELLED") != std::string::npos;
                            }),
              2);
    // The cancelled hour is free again.
    EXPECT_TRUE(appointment_store::busy_of_rep(*lease, rep_, platform::to_micros(tuesday_ten + hours(1)),
                                               platform::to_micros(tuesday_ten + hours(2)))
                    .empty());
  }
  EXPECT_EQ(changes.cancel(supervisor, {}, id, "noch einmal").error().field, "state");
  Principal stranger = supervisor;
  stranger.agency_id = other_agency_;
  EXPECT_EQ(changes.cancel(stranger, {}, *booked->appointment_id + 1, "fremd").error().code,
            platform::ErrorCode::not_found);
}

TEST_F(AppointmentStoreTest, TheRepsOwnCalendarBlocksItsTimesAndEachImportReplacesTheLast) {
  Principal manager;
  manager.agency_id = agency_;
  manager.role = Role::project_manager;
  RepCalendarSync sync(db(), clock());
  const std::string busy =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//DE\r\nBEGIN:VEVENT\r\nUID:messe@rep.example\r\n"
      "DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20260106T100000\r\n"
      "DTEND;TZID=Europe/Berlin:20260106T120000\r\nSUMMARY:Messe\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  const auto imported = sync.import_text(manager, rep_, busy);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->imported, 1u);
  const auto tuesday_nine_utc = platform::to_micros(clock().now() + hours(24));
  {
    auto lease = db().session();
    const auto found =
        appointment_store::busy_of_rep(*lease, rep_, tuesday_nine_utc, tuesday_nine_utc + 3'600'000'000LL);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_FALSE(found[0].place);
    EXPECT_EQ(found[0].ends - found[0].starts, hours(2));
  }
  const std::string empty = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//DE\r\nEND:VCALENDAR\r\n";
  EXPECT_EQ(sync.import_text(manager, rep_, empty)->imported, 0u);
  {
    auto lease = db().session();
    EXPECT_TRUE(
        appointment_store::busy_of_rep(*lease, rep_, tuesday_nine_utc, tuesday_nine_utc + 3'600'000'000LL).empty());
  }
  EXPECT_EQ(sync.import_text(manager, rep_, std::nullopt).error().code, platform::ErrorCode::unsupported_media_type);
  EXPECT_EQ(sync.import_text(manager, rep_, std::string_view("kein Kalender")).error().field, "calendar");
  EXPECT_EQ(sync.refresh(manager, rep_).error().field, "calendar_url");
  Principal stranger = manager;
  stranger.agency_id = other_agency_;
  EXPECT_EQ(sync.import_text(stranger, rep_, busy).error().code, platform::ErrorCode::not_found);
}

TEST_F(AppointmentStoreTest, RemindersGoOnceAtTheOffsetsAndOfSeveralDueAtOnceOnlyTheLast) {
  const auto tobias = agent("tobias");
  const auto first = lead("Hartmann");
  const auto second = lead("Lindner");
  AppointmentReminders reminders(db(), clock(), site_);
  // Booked Monday 10:00 for Tuesday 12:00 and for Thursday 10:00; the default offsets are 24 hours and 2 hours.
  ASSERT_EQ(dispatch_->next(tobias)->lead_id, first);
  const auto booked = dispatch_->record_outcome(tobias, first, appointment_at(first, clock().now() + hours(26)));
  ASSERT_TRUE(booked);
  ASSERT_EQ(dispatch_->next(tobias)->lead_id, second);
  const auto later = dispatch_->record_outcome(tobias, second, appointment_at(second, clock().now() + hours(72)));
  ASSERT_TRUE(later) << later.error().message;
  EXPECT_EQ(reminders.queue_due(), 0u);
  clock().advance(minutes(119));
  EXPECT_EQ(reminders.queue_due(), 0u) << "a minute early";
  clock().advance(minutes(1));
  EXPECT_EQ(reminders.queue_due(), 2u) << "24 hours before: the person and the rep";
  EXPECT_EQ(reminders.queue_due(), 0u) << "once";
  clock().advance(hours(22));
  EXPECT_EQ(reminders.queue_due(), 2u) << "2 hours before";
  EXPECT_EQ(reminders_of(*booked->appointment_id), 4);
  clock().advance(hours(3));
  EXPECT_EQ(reminders.queue_due(), 0u) << "after the start";

  // The server is down from Tuesday 13:00 to Thursday 09:00: of the two reminders then due, one goes.
  EXPECT_EQ(reminders_of(*later->appointment_id), 0);
  clock().advance(hours(44));
  EXPECT_EQ(reminders.queue_due(), 2u);
  EXPECT_EQ(reminders_of(*later->appointment_id), 2);
  EXPECT_EQ(reminders.queue_due(), 0u);
}

TEST_F(AppointmentStoreTest, ABookingShortlyBeforeAnOffsetGetsNoReminderOnTopOfTheInvitation) {
  const auto tobias = agent("tobias");
  const auto first = lead("Hartmann");
  AppointmentReminders reminders(db(), clock(), site_);
  ASSERT_TRUE(dispatch_->next(tobias)->lead_id);
  // Tuesday 10:30, booked Monday 10:00: the 24-hour reminder would fall half an hour after the invitation.
  const auto booked =
      dispatch_->record_outcome(tobias, first, appointment_at(first, clock().now() + minutes(24 * 60 + 30)));
  ASSERT_TRUE(booked);
  clock().advance(minutes(31));
  EXPECT_EQ(reminders.queue_due(), 0u);
  clock().advance(hours(22));
  EXPECT_EQ(reminders.queue_due(), 2u) << "the 2-hour reminder";
}

TEST_F(AppointmentStoreTest, TheLinksConfirmAskForAnotherTimeAndGoStaleWhenTheAppointmentMoves) {
  const auto tobias = agent("tobias");
  const auto first = lead("Hartmann");
  ASSERT_TRUE(dispatch_->next(tobias)->lead_id);
  const TimePoint tuesday_ten = clock().now() + hours(24);
  const auto booked = dispatch_->record_outcome(tobias, first, appointment_at(first, tuesday_ten));
  ASSERT_TRUE(booked);
  const auto id = *booked->appointment_id;
  AppointmentLinkService links(db(), clock(), events_);

  const auto confirm = token(id, LinkAction::confirm);
  const auto change = token(id, LinkAction::change);
  const auto opened = links.open(confirm);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ((*opened)["action"], "confirm");
  EXPECT_EQ((*opened)["done"], false);
  EXPECT_EQ((*opened)["appointment"]["state"], "booked");
  EXPECT_EQ((*opened)["appointment"]["rep_name"], "Stefan Ruhnau");

  LinkAnswer wish;
  wish.note = "Lieber nachmittags";
  ASSERT_TRUE(links.act(change, wish, {}));
  EXPECT_EQ(stored(id).state, "change_requested");
  EXPECT_EQ(stored(id).person_note, "Lieber nachmittags");
  ASSERT_TRUE(links.act(confirm, {}, {}));
  EXPECT_EQ(stored(id).state, "confirmed");
  EXPECT_TRUE(stored(id).confirmed_at);
  EXPECT_TRUE(links.act(confirm, {}, {})) << "confirming twice is no error";

  // The outcome link works from the start on, not before.
  const auto report = token(id, LinkAction::outcome);
  LinkAnswer no_show;
  no_show.outcome = OutcomeReport{};
  no_show.outcome->outcome = "no_show";
  EXPECT_EQ(links.act(report, no_show, {}).error().field, "outcome");

  // Moved: the old links are stale (the newer mail has new ones), the new one works.
  Principal supervisor;
  supervisor.agency_id = agency_;
  supervisor.role = Role::supervisor;
  supervisor.user_id = tobias.user_id;
  AppointmentChanges changes(db(), clock(), site_);
  ASSERT_TRUE(changes.reschedule(supervisor, {}, id, {tuesday_ten + hours(2), std::nullopt, std::nullopt}));
  EXPECT_EQ((*links.open(confirm))["outdated"], true);
  const auto stale = links.act(confirm, {}, {});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, platform::ErrorCode::conflict);
  EXPECT_EQ(stored(id).state, "booked") << "moved: to be confirmed again";
  ASSERT_TRUE(links.act(token(id, LinkAction::confirm), {}, {}));
  EXPECT_EQ(stored(id).state, "confirmed");

  // After the start the rep reports a no-show: the lead goes back to the agent as a callback due now.
  clock().advance(hours(27));
  const auto reported = links.act(token(id, LinkAction::outcome), no_show, {});
  ASSERT_TRUE(reported) << reported.error().message;
  EXPECT_EQ(stored(id).state, "no_show");
  auto lease = db().session();
  const auto callbacks = calling::callback_store::of_lead(*lease, agency_, first);
  ASSERT_EQ(callbacks.size(), 1u);
  EXPECT_EQ(callbacks[0].state, "pending");
  EXPECT_EQ(callbacks[0].owner_id, tobias.user_id);
  EXPECT_EQ(callbacks[0].assigned_to, tobias.user_id) << "in the list of the agent who set it";
  EXPECT_EQ(callbacks[0].kind, "general") << "anyone of the campaign may take it";
  EXPECT_EQ(callbacks[0].due_at, platform::to_micros(clock().now()));
  EXPECT_FALSE(links.act(token(id, LinkAction::outcome), no_show, {})) << "once only";

  // A token changed in one character is refused.
  auto forged = confirm;
  forged[3] = forged[3] == 'A' ? 'B' : 'A';
  EXPECT_EQ(links.open(forged).error().field, "token");
}

}  // namespace
}  // namespace termintreu::appointments
