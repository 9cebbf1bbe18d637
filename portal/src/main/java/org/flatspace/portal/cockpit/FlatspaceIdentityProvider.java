package org.flatspace.portal.cockpit;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Camunda's identity, read from Flatspace's people ({@link People}) instead of Camunda's own tables,
 * so that the web apps know the person the portal signed in. Read-only: Camunda's Admin app shows
 * people and groups but cannot create or change them, and {@link #checkPassword} always refuses:
 * passwords are checked by the portal's login, never by Camunda.
 */
class FlatspaceIdentityProvider implements ReadOnlyIdentityProvider {

    private final People people;

    FlatspaceIdentityProvider(People people) {
        this.people = people;
    }

    /** The provider of the command being run, for the queries. */
    static FlatspaceIdentityProvider of(CommandContext context) {
        return (FlatspaceIdentityProvider) context.getReadOnlyIdentityProvider();
    }

    People people() {
        return people;
    }

    @Override
    public User findUserById(String userId) {
        return people.user(userId).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new PeopleQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new PeopleQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new BadUserRequestException("Flatspace's people are not in Camunda's tables: no native user queries");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return false;
    }

    @Override
    public Group findGroupById(String groupId) {
        return people.groups().stream().filter(g -> g.getId().equals(groupId)).findFirst().orElse(null);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new GroupsQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new GroupsQuery();
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenantsQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenantsQuery();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
