package org.flatspace.workflows.notify;

import java.util.List;

import org.flatspace.config.person.PersonAccount;
import org.flatspace.workflows.WorkflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells people what happened to requests: an entry in their in-app list, and an e-mail when mail
 * is configured ({@code spring.mail.host}) and the person has an address. Reading the list is for
 * its owner only: callers pass the signed-in person's username.
 */
@Service
@Transactional
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notifications;
    private final ObjectProvider<JavaMailSender> mail;
    private final WorkflowProperties properties;

    NotificationService(NotificationRepository notifications, ObjectProvider<JavaMailSender> mail,
                        WorkflowProperties properties) {
        this.notifications = notifications;
        this.mail = mail;
        this.properties = properties;
    }

    /** Records the notification and mails it once the current transaction commits. */
    public void notify(PersonAccount person, Long requestId, String subject, String text) {
        notifications.save(new Notification(person.username(), requestId, subject, text));
        if (person.email() == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(person.email());
        message.setSubject("[Flatspace] " + subject);
        message.setText("Hello " + person.displayName() + ",\n\n" + text
                + (requestId == null ? "" : "\n\nThe request: " + requestLink(requestId)) + "\n\n-- Flatspace\n");
        afterCommit(() -> send(message));
    }

    @Transactional(readOnly = true)
    public List<NotificationView> of(String username) {
        return notifications.findTop50ByRecipientOrderByIdDesc(username).stream().map(Notification::toView).toList();
    }

    @Transactional(readOnly = true)
    public long unreadCount(String username) {
        return notifications.countByRecipientAndReadAtIsNull(username);
    }

    /** Marks the person's own notifications read; another person's ids are ignored. */
    public void markAllRead(String username) {
        notifications.findTop50ByRecipientOrderByIdDesc(username).forEach(Notification::markRead);
    }

    public String requestLink(long requestId) {
        return properties.baseUrl().replaceAll("/+$", "") + "/requests/" + requestId;
    }

    private void send(SimpleMailMessage message) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Could not mail '{}': {}", message.getSubject(), e.getMessage());
        }
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
