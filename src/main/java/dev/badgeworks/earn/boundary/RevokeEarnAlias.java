package dev.badgeworks.earn.boundary;

import dev.badgeworks.api.CustomerIdentifier;
import dev.badgeworks.api.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * revokeEarn at the path Capillary's published OpenAPI gives it ({@code /badges/customer/revokeEarn}, without
 * {@code /api_gateway/v1}): clients generated from that document call it there. The same operation, same answers.
 */
@ApplicationScoped
@Path("badges/customer/revokeEarn")
@Produces(MediaType.APPLICATION_JSON)
public class RevokeEarnAlias {

    @Inject
    EarnResource earns;

    @POST
    public Envelope<EarnResource.RevokedEarn> revokeEarn(@HeaderParam(CustomerIdentifier.HEADER) String identifierType,
                                                         String body) {
        return earns.revokeEarn(identifierType, body);
    }
}
