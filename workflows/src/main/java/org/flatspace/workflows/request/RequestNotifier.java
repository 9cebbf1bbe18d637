package org.flatspace.workflows.request;

import org.flatspace.config.person.PersonService;
import org.flatspace.workflows.notify.NotificationService;
import org.springframework.stereotype.Component;

/** Who hears about a request: its requester, its team's managers, the admins. */
@Component
class RequestNotifier {

    private final PersonService people;
    private final NotificationService notifications;

    RequestNotifier(PersonService people, NotificationService notifications) {
        this.people = people;
        this.notifications = notifications;
    }

    void requester(CapacityRequest request, String subject, String text) {
        people.account(request.requester())
                .ifPresent(p -> notifications.notify(p, request.id(), subject(request, subject), text));
    }

    /** The team's managers, except the requester (nobody approves their own request). */
    void managers(CapacityRequest request, String subject, String text) {
        people.managersOf(request.teamId()).stream()
                .filter(p -> !p.username().equals(request.requester()))
                .forEach(p -> notifications.notify(p, request.id(), subject(request, subject), text));
    }

    void admins(CapacityRequest request, String subject, String text) {
        people.admins().stream()
                .filter(p -> !p.username().equals(request.requester()))
                .forEach(p -> notifications.notify(p, request.id(), subject(request, subject), text));
    }

    private static String subject(CapacityRequest request, String what) {
        return "Request " + request.id() + " (" + request.functionName() + "): " + what;
    }
}
