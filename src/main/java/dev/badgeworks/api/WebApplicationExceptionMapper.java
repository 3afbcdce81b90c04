package dev.badgeworks.api;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Errors the JAX-RS runtime raises itself (unknown path, wrong method) still answer with the envelope. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            return ApiExceptionMapper.response(ErrorCode.RESOURCE_NOT_FOUND.exception());
        }
        if (e instanceof NotAllowedException) {
            return ApiExceptionMapper.response(ErrorCode.METHOD_NOT_ALLOWED.exception());
        }
        if (e instanceof NotSupportedException) {
            return ApiExceptionMapper.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE.exception());
        }
        if (e instanceof NotAcceptableException) {
            // answered in JSON all the same: a client that asked for text gets a reason it can read, not a 500
            return ApiExceptionMapper.response(ErrorCode.NOT_ACCEPTABLE.exception());
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 400 && status < 500) {
            // typed: without a type the runtime picks one from the client's Accept and finds no writer for it
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Envelope.failure(java.util.List.of(
                    new ApiError(status, ErrorCode.INVALID_REQUEST.message(), null)))).build();
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, correlationId=" + correlationId, LogSafe.failure(e));
        return UnexpectedExceptionMapper.internalError(correlationId);
    }
}
