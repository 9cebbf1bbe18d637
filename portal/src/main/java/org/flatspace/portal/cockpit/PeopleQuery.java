package org.flatspace.portal.cockpit;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's user query over Flatspace's people, filtered in memory (a portal has tens of people, not millions). */
class PeopleQuery extends UserQueryImpl {

    PeopleQuery() {
    }

    PeopleQuery(CommandExecutor executor) {
        super(executor);
    }

    @Override
    public long executeCount(CommandContext context) {
        return matching(context).size();
    }

    @Override
    public List<User> executeList(CommandContext context, Page page) {
        return Paging.page(matching(context), page);
    }

    private List<User> matching(CommandContext context) {
        People people = FlatspaceIdentityProvider.of(context).people();
        if (tenantId != null || procDefId != null) {
            return List.of();
        }
        if (id != null) {
            return people.user(id).filter(this::matches).stream().toList();
        }
        List<User> candidates = groupId != null ? people.membersOf(groupId) : people.users();
        return candidates.stream().filter(this::matches).toList();
    }

    private boolean matches(User user) {
        return (ids == null || Arrays.asList(ids).contains(user.getId()))
                && LikePattern.matches(user.getFirstName(), firstName, firstNameLike)
                && LikePattern.matches(user.getLastName(), lastName, lastNameLike)
                && LikePattern.matches(user.getEmail(), email, emailLike);
    }
}
