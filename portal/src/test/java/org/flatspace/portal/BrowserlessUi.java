package org.flatspace.portal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.flatspace.portal.layout.LoginView;
import org.flatspace.portal.security.CurrentUser;
import org.flatspace.portal.security.SignedIn;
import org.mockito.Mockito;

import com.github.mvysny.kaributesting.v10.MockRouteNotFoundError;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockService;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnnotatedViewAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.NavigationAccessControlInitializer;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;

/**
 * The portal's views without a browser, a servlet container or a database (Karibu-Testing). Views
 * get their services by constructor, as Spring gives them: a service registered with
 * {@link #bean} is used as it is, any other is a Mockito mock (see {@link #mock}); who is signed in
 * comes from Spring Security's context ({@link SignedIn}). Navigation goes through Vaadin's Spring
 * navigation access control, built as the portal's security configuration builds it (annotations
 * checked, {@link LoginView} for people not signed in), so a refused view is refused by Vaadin.
 */
public final class BrowserlessUi {

    private static final Routes ROUTES = routes();

    private final Map<Class<?>, Object> beans = new HashMap<>();
    private I18NProvider texts;
    private Locale locale;

    /** Uses this object wherever a view asks for {@code type}. */
    public <T> BrowserlessUi bean(Class<T> type, T bean) {
        beans.put(type, bean);
        return this;
    }

    /**
     * Gives the views their texts from this provider instead of the portal's bundle (Vaadin keeps
     * the provider it finds first for the whole JVM, so a test's own provider goes in here), and
     * the UI this locale from its start, before the first view is built.
     */
    public BrowserlessUi texts(I18NProvider provider, Locale locale) {
        this.texts = provider;
        this.locale = locale;
        return this;
    }

    /** The Mockito mock views get for {@code type}, to stub or verify. */
    public <T> T mock(Class<T> type) {
        return type.cast(beans.computeIfAbsent(type, Mockito::mock));
    }

    /** Starts a faked Vaadin session with one UI; navigate with {@code UI.getCurrent().navigate(...)}. */
    public void start() {
        SignedIn.fakeRequestsShowTheSecurityContext();
        MockVaadin.setup(this::newUi, new Servlet());
    }

    public void stop() {
        MockVaadin.tearDown();
        SignedIn.nobody();
    }

    /** Opens the route and returns the view shown (which may be another one: login, an error). */
    public static Component open(String route) {
        UI.getCurrent().navigate(route);
        return UI.getCurrent().getCurrentView();
    }

    /**
     * The portal's routes and error views, with Vaadin's own "not found" view where Karibu puts one
     * that throws: a refused view ends there, as in the running portal.
     */
    public static Routes routes() {
        Routes discovered = new Routes().autoDiscoverViews("org.flatspace.portal");
        Set<Class<? extends HasErrorParameter<?>>> errors = new HashSet<>(discovered.getErrorRoutes());
        errors.remove(MockRouteNotFoundError.class);
        errors.add(RouteNotFoundError.class);
        return new Routes(discovered.getRoutes(), errors, true);
    }

    private UI newUi() {
        UI ui = new UI();
        if (locale != null) {
            ui.setLocale(locale);
        }
        return ui;
    }

    private Object beanOf(Class<?> type) {
        if (type == CurrentUser.class) {
            return SignedIn.currentUser();
        }
        if (type == AuthenticationContext.class) {
            return new AuthenticationContext();
        }
        return mock(type);
    }

    private <T> T construct(Class<T> type) {
        Constructor<?> constructor = Arrays.stream(type.getDeclaredConstructors())
                .max(Comparator.comparingInt(Constructor::getParameterCount)).orElseThrow();
        Object[] args = Arrays.stream(constructor.getParameterTypes()).map(this::beanOf).toArray();
        try {
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getName(), e);
        }
    }

    /** Vaadin's default instantiator, but the portal's components get their services by constructor. */
    private final class Beans extends DefaultInstantiator {

        Beans(VaadinService service) {
            super(service);
        }

        @Override
        public <T> T getOrCreate(Class<T> type) {
            if (beans.containsKey(type)) {
                return type.cast(beans.get(type));
            }
            if (Component.class.isAssignableFrom(type) && type.getPackageName().startsWith("org.flatspace")) {
                return construct(type);
            }
            return super.getOrCreate(type);
        }

        @Override
        public I18NProvider getI18NProvider() {
            return texts != null ? texts : super.getI18NProvider();
        }

        @Override
        public <T extends Component> T createComponent(Class<T> type) {
            return getOrCreate(type);
        }

        @Override
        public Stream<VaadinServiceInitListener> getServiceInitListeners() {
            NavigationAccessControl access = new NavigationAccessControlConfigurer().withAnnotatedViewAccessChecker()
                    .withLoginView(LoginView.class).build(SpringNavigationAccessControl::new,
                            List.of(new AnnotatedViewAccessChecker(new AccessAnnotationChecker())));
            return Stream.concat(super.getServiceInitListeners(),
                    Stream.of(new NavigationAccessControlInitializer(access)));
        }
    }

    private final class Servlet extends MockVaadinServlet {

        Servlet() {
            super(ROUTES, BrowserlessUi.this::newUi);
        }

        @Override
        protected VaadinServletService createServletService(DeploymentConfiguration configuration)
                throws ServiceException {
            MockService service = new MockService(this, configuration, BrowserlessUi.this::newUi) {
                @Override
                protected Instantiator createInstantiator() {
                    return new Beans(this);
                }
            };
            service.init();
            ROUTES.register(service.getContext());
            return service;
        }
    }
}
