package org.flatspace.portal.api;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Any other path under /api: a 404 problem detail. Without it Vaadin, which serves every path the
 * application does not map, would answer a script's typo with its HTML start page and 200.
 */
@Hidden
@RestController
class UnknownEndpointController {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new ApiNotFoundException("There is no endpoint " + request.getMethod() + " " + request.getRequestURI()
                + "; see the OpenAPI description at /v3/api-docs");
    }
}
