package dev.badgeworks.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException e) {
        return response(e);
    }

    static Response response(ApiException e) {
        Envelope<Object> body = e.data() == null
                ? Envelope.failure(e.errors())
                : Envelope.of(e.data(), e.errors());
        return Response.status(e.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
