package org.flatspace.portal.cockpit;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's group query over the groups Flatspace's roles map to. */
class GroupsQuery extends GroupQueryImpl {

    GroupsQuery() {
    }

    GroupsQuery(CommandExecutor executor) {
        super(executor);
    }

    @Override
    public long executeCount(CommandContext context) {
        return matching(context).size();
    }

    @Override
    public List<Group> executeList(CommandContext context, Page page) {
        return Paging.page(matching(context), page);
    }

    private List<Group> matching(CommandContext context) {
        if (tenantId != null || procDefId != null) {
            return List.of();
        }
        People people = FlatspaceIdentityProvider.of(context).people();
        List<Group> candidates = userId != null ? people.groupsOf(userId) : people.groups();
        return candidates.stream().filter(this::matches).toList();
    }

    private boolean matches(Group group) {
        return (id == null || id.equals(group.getId()))
                && (ids == null || Arrays.asList(ids).contains(group.getId()))
                && (type == null || type.equals(group.getType()))
                && LikePattern.matches(group.getName(), name, nameLike);
    }
}
